// Sign-in throttling, per account and per client address, kept in the database (table
// sign_in_throttle) so that several server processes share the counts. A few failures are free;
// after that each failure locks the key for twice as long as the previous one, up to a ceiling.
// While a key is locked, sign-in is refused before the password is even checked, so guessing
// gets slower, not luckier.
import type { Sql } from "../db/connection";

export type ThrottlePolicy = { freeFailures: number; baseLockSeconds: number; maxLockSeconds: number; windowSeconds: number };

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, baseLockSeconds: 30, maxLockSeconds: 15 * 60, windowSeconds: 15 * 60 };
export const IP_POLICY: ThrottlePolicy = { freeFailures: 20, baseLockSeconds: 30, maxLockSeconds: 15 * 60, windowSeconds: 15 * 60 };

export type ThrottleSubject = { email: string; ip: string | null };

export function throttleKeys(subject: ThrottleSubject): { key: string; policy: ThrottlePolicy }[] {
  const keys = [{ key: `account:${subject.email.trim().toLowerCase()}`, policy: ACCOUNT_POLICY }];
  if (subject.ip) keys.push({ key: `ip:${subject.ip}`, policy: IP_POLICY });
  return keys;
}

/** Seconds a key stays locked after its n-th failure within the window (0 = not locked). */
export function lockSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures - 1, 30);
  return Math.min(policy.baseLockSeconds * 2 ** doublings, policy.maxLockSeconds);
}

/** Null when a sign-in may be checked now, else the seconds until it may. */
export async function throttleWait(sql: Sql, subject: ThrottleSubject, now = new Date()): Promise<number | null> {
  const keys = throttleKeys(subject).map((k) => k.key);
  const [row] = await sql.query<{ until: Date | string | null }>(
    `SELECT max(locked_until) AS until FROM sign_in_throttle WHERE key = ANY($1::text[]) AND locked_until > $2::timestamptz`,
    [keys, now.toISOString()],
  );
  if (!row?.until) return null;
  return Math.max(1, Math.ceil((new Date(row.until).getTime() - now.getTime()) / 1000));
}

/** Counts a failed sign-in for the account and the address; returns the lock it caused, in seconds. */
export async function recordSignInFailure(sql: Sql, subject: ThrottleSubject, now = new Date()): Promise<number> {
  let longest = 0;
  for (const { key, policy } of throttleKeys(subject)) {
    // One atomic statement per key: concurrent failures on several processes all count.
    const [row] = await sql.query<{ failures: number }>(
      `INSERT INTO sign_in_throttle AS t (key, failures, first_failure_at, last_failure_at)
       VALUES ($1, 1, $2::timestamptz, $2::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.last_failure_at < $2::timestamptz - make_interval(secs => $3)
                          AND (t.locked_until IS NULL OR t.locked_until <= $2::timestamptz)
                         THEN 1 ELSE t.failures + 1 END,
         first_failure_at = CASE WHEN t.last_failure_at < $2::timestamptz - make_interval(secs => $3)
                                  AND (t.locked_until IS NULL OR t.locked_until <= $2::timestamptz)
                                 THEN $2::timestamptz ELSE t.first_failure_at END,
         last_failure_at = $2::timestamptz
       RETURNING failures`,
      [key, now.toISOString(), policy.windowSeconds],
    );
    const seconds = lockSeconds(Number(row.failures), policy);
    if (seconds > 0) {
      await sql.query(
        `UPDATE sign_in_throttle SET locked_until = GREATEST(coalesce(locked_until, $2::timestamptz), $2::timestamptz + make_interval(secs => $3))
         WHERE key = $1`,
        [key, now.toISOString(), seconds],
      );
    }
    longest = Math.max(longest, seconds);
  }
  return longest;
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function recordSignInSuccess(sql: Sql, email: string): Promise<void> {
  await sql.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [`account:${email.trim().toLowerCase()}`]);
}

/** Forgets rows whose window and lock are both over. */
export async function pruneThrottle(sql: Sql, now = new Date()): Promise<void> {
  await sql.query(
    `DELETE FROM sign_in_throttle WHERE last_failure_at < $1::timestamptz - interval '1 day' AND (locked_until IS NULL OR locked_until < $1::timestamptz)`,
    [now.toISOString()],
  );
}
