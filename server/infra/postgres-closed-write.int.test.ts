// postgres.js 3.4.9 writes a small query from setImmediate(nextWrite); when the
// connection closed in between, that write dereferences a null socket and
// throws where no await or try can catch it (porsager/postgres issues 1066,
// 1154, 1208). The hot path meets it whenever PostgreSQL stops under load: a
// transaction's query fails, and postgres.js's own ROLLBACK is that write.
// patches/postgres+3.4.9.patch settles the write with CONNECTION_CLOSED instead.
import postgres from "postgres";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase } from "../../test/harness/test-database";

let url: string;
const uncaught: unknown[] = [];
const keep = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  url = await createTestDatabase();
  process.on("uncaughtException", keep);
});

afterAll(() => {
  process.off("uncaughtException", keep);
});

test("a transaction whose backend is terminated mid-query rejects with CONNECTION_CLOSED and throws nothing from a timer", async () => {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const killer = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let pid: number | undefined;
    const transaction = sql.begin(async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      pid = row!.pid;
      await tx`select pg_sleep(2)`;
    });
    const outcome = transaction.then(
      () => "committed",
      (error: { code?: string }) => error.code,
    );
    while (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    await killer`select pg_terminate_backend(${pid})`;

    expect(await outcome).toBe("CONNECTION_CLOSED");
    // The unguarded write fires on the next turns of the event loop.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(uncaught).toEqual([]);
    // The pool is still usable afterwards, and ends without waiting out its timeout on the dead connection.
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
    const ended = sql.end({ timeout: 30 }).then(() => "ended");
    const waitedOut = new Promise((resolve) => setTimeout(resolve, 10_000, "still waiting after 10 s"));
    expect(await Promise.race([ended, waitedOut])).toBe("ended");
  } finally {
    await sql.end({ timeout: 1 });
    await killer.end({ timeout: 5 });
  }
});
