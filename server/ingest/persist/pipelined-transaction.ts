// A batch's transaction with its BEGIN sent ahead of the statements instead of
// waited for: postgres.js's `sql.begin` waits for BEGIN's answer before it runs
// the callback, a round trip of its own for every batch (at 1,000 msg/s a batch
// is one or two fixes, so a GPS batch's three round trips become two). The
// statements follow BEGIN on the same reserved connection, so they run inside
// the transaction; a failed BEGIN fails them too, and the error surfaces below.
import type { Sql, TransactionSql } from "postgres";

export async function pipelinedTransaction<T>(sql: Sql, fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
  const connection = await sql.reserve();
  try {
    const begin = connection`begin`.execute();
    // Awaited below; until then a rejection must not count as unhandled (the process stops on those).
    begin.catch(() => {});
    try {
      // The callbacks run tagged-template queries only (no savepoints), which a reserved connection runs the same way.
      const result = await fn(connection as unknown as TransactionSql);
      await begin;
      await connection`commit`;
      return result;
    } catch (error) {
      await connection`rollback`.catch(() => {});
      throw error;
    }
  } finally {
    connection.release();
  }
}
