// Sign-in throttling by growing delay rather than lock-out: each key (the
// client address, and the pair of account and address) is a leaky bucket
// with a few free attempts, then each further one must wait a delay that
// doubles, up to a cap; attempts leak out at a steady rate, so occasional
// typos behind one office address never add up. Nobody can lock an account:
// the delay binds the address that failed, and the account's owner elsewhere
// signs in as usual. An attempt is counted before the password is checked, in
// the same statement that checks the key (one row lock), so a burst of
// parallel attempts gets no more evaluated than the free count; a sign-in
// takes its own attempt back out.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { loginThrottles } from "../../db/schema";
import { addressKey } from "../infra/pending-connections";
import { AppError } from "../observability/app-error";

export type ThrottleRule = { free: number; leakSeconds: number; baseDelaySeconds: number; maxDelaySeconds: number };

// The wait starts when the attempt is counted, before its password check: the first one is longer than a
// password check can take on a busy machine (about a second), else it would be over before its answer.
/** One address (an IPv6 /64) across all accounts: generous, for offices behind one NAT (30 free, 30 an hour). */
const PER_ADDRESS: ThrottleRule = { free: 30, leakSeconds: 120, baseDelaySeconds: 15, maxDelaySeconds: 900 };
/** One account from one address: password guessing (5 free, then about 4 an hour at the 15 min cap). */
const PER_ACCOUNT_AND_ADDRESS: ThrottleRule = {
  free: 5,
  leakSeconds: 900,
  baseDelaySeconds: 15,
  maxDelaySeconds: 900,
};

function throttleKeys(email: string, address: string) {
  const where = addressKey(address);
  return { address: `address:${where}`, account: `account:${email}|${where}` };
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Counts an attempt under `key` if the key is not waiting (null); else the seconds to wait. */
async function claim(db: Tx, key: string, { free, leakSeconds, baseDelaySeconds, maxDelaySeconds }: ThrottleRule) {
  const t = loginThrottles;
  // Whole leak periods since leak_from; the clock moves on by as many (or to now when the bucket empties).
  const leaks = sql`floor(extract(epoch from now() - ${t.leakFrom}) / ${leakSeconds}::float8)::int`;
  const left = sql`greatest(${t.attempts} - ${leaks}, 0)`;
  const counted = sql`(${left} + 1)`;
  const leakFrom = sql`case when ${left} = 0 then now()
    else ${t.leakFrom} + ${leaks} * ${leakSeconds}::float8 * interval '1 second' end`;
  const delayAfter = (n: typeof counted | number) =>
    sql`case when (${n})::int >= ${free}::int then now() + least(${maxDelaySeconds}::float8,
      ${baseDelaySeconds}::float8 * power(2, (${n})::int - ${free}::int)) * interval '1 second' end`;
  const [claimed] = await db
    .insert(t)
    .values({ key, attempts: 1, leakFrom: sql`now()`, blockedUntil: delayAfter(1) })
    .onConflictDoUpdate({
      target: t.key,
      set: { attempts: counted, leakFrom, blockedUntil: delayAfter(counted) },
      setWhere: sql`${t.blockedUntil} is null or ${t.blockedUntil} <= now()`,
    })
    .returning({ attempts: t.attempts });
  if (claimed) return null;
  const [waiting] = await db
    .select({ seconds: sql<number>`ceil(extract(epoch from ${t.blockedUntil} - now()))::int` })
    .from(t)
    .where(eq(t.key, key));
  return Math.max(1, waiting?.seconds ?? 1);
}

/**
 * Counts an attempt under every key in turn (each with its rule), or throws 429 with Retry-After naming `what`
 * when one must wait; a refused attempt counts under none of them. Also used for password changes, reset
 * requests and second-factor codes (account-throttles.ts).
 */
export async function claimThrottled(
  db: Db,
  checks: readonly { key: string; rule: ThrottleRule }[],
  what: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { key, rule } of checks) {
      const wait = await claim(tx, key, rule);
      // Thrown inside the transaction: the keys counted before this one are rolled back.
      if (wait !== null) {
        throw new AppError("rate_limited", `Too many ${what}. Try again in ${wait} s.`, { retryAfterSeconds: wait });
      }
    }
  });
}

/** The attempt proved itself (a right password or code): the key starts afresh. */
export async function refundThrottled(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

/** Counts a sign-in attempt from `address` for `email`, or throws 429 with Retry-After when it must wait. */
export async function claimLoginAttempt(db: Db, email: string, address: string): Promise<void> {
  const keys = throttleKeys(email, address);
  await claimThrottled(
    db,
    [
      { key: keys.address, rule: PER_ADDRESS },
      { key: keys.account, rule: PER_ACCOUNT_AND_ADDRESS },
    ],
    "failed sign-in attempts",
  );
}

/** A sign-in succeeded: the pair starts afresh and the address gets its attempt back. */
export async function refundLoginAttempt(db: Db, email: string, address: string): Promise<void> {
  const keys = throttleKeys(email, address);
  const t = loginThrottles;
  await db.delete(t).where(eq(t.key, keys.account));
  await db
    .update(t)
    .set({
      attempts: sql`greatest(${t.attempts} - 1, 0)`,
      blockedUntil: sql`case when ${t.attempts} - 1 >= ${PER_ADDRESS.free} then ${t.blockedUntil} end`,
    })
    .where(eq(t.key, keys.address));
}
