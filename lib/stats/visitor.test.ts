// Privacy and provenance of usage events: client address through trusted proxies only, visitor
// hashes under a daily salt kept in the database, countries from the offline table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { countryOf } from "./country";
import { clientAddress, parseTrustedProxies, REMOTE_ADDRESS_HEADER } from "../http/client-address";
import { dailySalt, visitorHash } from "./visitor";

const headers = (peer: string, forwarded?: string) =>
  new Headers({ [REMOTE_ADDRESS_HEADER]: peer, ...(forwarded ? { "X-Forwarded-For": forwarded } : {}) });

describe("client address", () => {
  const trusted = parseTrustedProxies("127.0.0.1, ::1, 10.0.0.0/8");
  it("is the socket's peer when that is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("203.0.113.9", "1.2.3.4"), trusted)).toBe("203.0.113.9");
  });
  it("follows X-Forwarded-For leftwards through trusted proxies only", () => {
    expect(clientAddress(headers("127.0.0.1", "198.51.100.7"), trusted)).toBe("198.51.100.7");
    expect(clientAddress(headers("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9"), trusted)).toBe("198.51.100.7");
    expect(clientAddress(headers("::ffff:127.0.0.1", "2001:db8::5"), trusted)).toBe("2001:db8::5");
  });
  it("is unknown without a peer address", () => {
    expect(clientAddress(new Headers({ "X-Forwarded-For": "1.2.3.4" }), trusted)).toBeNull();
  });
  it("refuses a malformed proxy list", () => {
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow();
    expect(() => parseTrustedProxies("proxy.example")).toThrow();
  });
});

describe("visitor hash", () => {
  it("depends on address, user agent and salt, and reveals none of them", () => {
    const a = visitorHash("salt-1", "198.51.100.7", "Firefox");
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toContain("198");
    expect(visitorHash("salt-1", "198.51.100.7", "Firefox")).toBe(a);
    expect(visitorHash("salt-1", "198.51.100.8", "Firefox")).not.toBe(a);
    expect(visitorHash("salt-1", "198.51.100.7", "Chrome")).not.toBe(a);
    expect(visitorHash("salt-2", "198.51.100.7", "Firefox")).not.toBe(a);
  });
});

describe("country", () => {
  it("resolves public addresses offline to ISO codes, and nothing for private ones", () => {
    expect(countryOf("8.8.8.8")).toBe("US");
    expect(countryOf("211.234.10.1")).toBe("KR");
    expect(countryOf("::ffff:8.8.8.8")).toBe("US");
    expect(countryOf("2001:4860:4860::8888")).toBe("US");
    expect(countryOf("127.0.0.1")).toBeNull();
    expect(countryOf("not an address")).toBeNull();
  });
});

describe(`daily salt (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  it("is random, shared through the database, new each UTC day, and forgotten the day after", async () => {
    const day1 = await dailySalt(db.sql, new Date("2026-05-01T10:00:00Z"));
    expect(day1.length).toBeGreaterThanOrEqual(40);
    expect(await dailySalt(db.sql, new Date("2026-05-01T23:00:00Z"))).toBe(day1);
    const day2 = await dailySalt(db.sql, new Date("2026-05-02T00:00:01Z"));
    expect(day2).not.toBe(day1);
    await dailySalt(db.sql, new Date("2026-05-03T08:00:00Z"));
    const days = await db.sql.query<{ day: string }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM usage_salt ORDER BY day`);
    expect(days.map((d) => d.day)).toEqual(["2026-05-02", "2026-05-03"]);
  });
});
