import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { ACCOUNT_POLICY, IP_POLICY, lockSeconds, pruneThrottle, recordSignInFailure, recordSignInSuccess, throttleWait } from "./throttle";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + seconds * 1000);

describe("lockSeconds", () => {
  it("is free for the first failures, then doubles up to the ceiling", () => {
    expect([1, 5, 6, 7, 8, 9].map((n) => lockSeconds(n, ACCOUNT_POLICY))).toEqual([0, 0, 30, 60, 120, 240]);
    expect(lockSeconds(40, ACCOUNT_POLICY)).toBe(ACCOUNT_POLICY.maxLockSeconds);
    expect(lockSeconds(IP_POLICY.freeFailures, IP_POLICY)).toBe(0);
  });
});

describe("sign-in throttle (database)", () => {
  it("locks an account after five failures, and the lock grows", async () => {
    const subject = { email: "Locked@Example.org", ip: "198.51.100.1" };
    for (let i = 0; i < 5; i++) expect(await recordSignInFailure(db.sql, subject, at(i))).toBe(0);
    expect(await throttleWait(db.sql, subject, at(5))).toBeNull();
    expect(await recordSignInFailure(db.sql, subject, at(5))).toBe(30);
    expect(await throttleWait(db.sql, subject, at(6))).toBe(29);
    // Same account from another address: still locked (the account's own count).
    expect(await throttleWait(db.sql, { email: "locked@example.org", ip: "203.0.113.9" }, at(6))).toBe(29);
    expect(await throttleWait(db.sql, subject, at(35))).toBeNull();
    expect(await recordSignInFailure(db.sql, subject, at(36))).toBe(60);
  });

  it("a success clears the account's count", async () => {
    const subject = { email: "ok@example.org", ip: "198.51.100.2" };
    for (let i = 0; i < 5; i++) await recordSignInFailure(db.sql, subject, at(i));
    await recordSignInSuccess(db.sql, "OK@example.org");
    expect(await recordSignInFailure(db.sql, subject, at(6))).toBe(0);
  });

  it("forgets failures older than the window", async () => {
    const subject = { email: "slow@example.org", ip: null };
    for (let i = 0; i < 5; i++) await recordSignInFailure(db.sql, subject, at(i));
    expect(await recordSignInFailure(db.sql, subject, at(ACCOUNT_POLICY.windowSeconds + 100))).toBe(0);
  });

  it("locks an address that tries many accounts", async () => {
    const ip = "192.0.2.77";
    let lock = 0;
    for (let i = 0; i <= IP_POLICY.freeFailures; i++) lock = await recordSignInFailure(db.sql, { email: `u${i}@example.org`, ip }, at(i));
    expect(lock).toBe(30);
    expect(await throttleWait(db.sql, { email: "fresh@example.org", ip }, at(IP_POLICY.freeFailures + 1))).toBeGreaterThan(0);
    expect(await throttleWait(db.sql, { email: "fresh@example.org", ip: "192.0.2.78" }, at(IP_POLICY.freeFailures + 1))).toBeNull();
  });

  it("counts every one of many concurrent failures", async () => {
    const subject = { email: "race@example.org", ip: "198.51.100.50" };
    await Promise.all(Array.from({ length: 40 }, () => recordSignInFailure(db.sql, subject, at(0))));
    const [row] = await db.sql.query<{ failures: number }>(`SELECT failures FROM sign_in_throttle WHERE key = 'account:race@example.org'`);
    expect(Number(row.failures)).toBe(40);
  });

  it("prunes rows whose window and lock are over", async () => {
    await recordSignInFailure(db.sql, { email: "old@example.org", ip: null }, at(0));
    await pruneThrottle(db.sql, at(2 * 86_400));
    const rows = await db.sql.query(`SELECT 1 FROM sign_in_throttle WHERE key = 'account:old@example.org'`);
    expect(rows).toHaveLength(0);
  });
});
