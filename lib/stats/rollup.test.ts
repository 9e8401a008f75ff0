// rebuildUsageDaily against a real database, with the hand-made fixture of ./test-fixture.ts whose
// every rollup row is worked out there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { rebuildUsageDaily } from "./rollup";
import { D1, D2, EXPECTED, I2_D1_KR, I3_D2_JP, insertEvents, insertFixture, readDaily } from "./test-fixture";

let db: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = db.sql;
  await insertFixture(sql);
});
afterAll(async () => {
  await db?.close();
});

describe(`rebuildUsageDaily (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("computes every scope exactly", async () => {
    await rebuildUsageDaily(sql);
    const actual = await readDaily(sql);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [key, counts] of Object.entries(EXPECTED)) expect(actual[key], key).toEqual(counts);
  });

  it("gives identical rows when rebuilt again", async () => {
    const first = await readDaily(sql);
    const result = await rebuildUsageDaily(sql);
    expect(result.rows).toBe(Object.keys(EXPECTED).length);
    expect(await readDaily(sql)).toEqual(first);
  });

  it("rebuilds only the days of a range", async () => {
    // New events on both days; only day 2 is rebuilt, so day 1 keeps its old figures.
    await insertEvents(sql, [
      { kind: "ITEM_VIEW", at: `${D1}T20:00:00Z`, item: 2, visitor: "v9", country: "KR" },
      { kind: "ITEM_VIEW", at: `${D2}T20:00:00Z`, item: 2, visitor: "v9", country: "KR" },
    ]);
    const day2 = new Date(`${D2}T12:34:00Z`);
    const result = await rebuildUsageDaily(sql, { from: day2, to: day2 });
    expect(result).toMatchObject({ from: D2, to: D2 });
    const actual = await readDaily(sql);
    expect(actual[`ITEM:2:${D1}:KR`]).toEqual(I2_D1_KR);
    expect(actual[`ITEM:2:${D2}:KR`]).toEqual([1, 1, 0, 0, 0, 0]);
    expect(actual[`UNIT:1:${D2}:KR`]).toEqual([1, 1, 0, 0, 0, 0]);
    expect(actual[`SITE:0:${D2}:JP`]).toEqual(I3_D2_JP);

    await rebuildUsageDaily(sql, { from: new Date(`${D1}T00:00:00Z`) });
    expect((await readDaily(sql))[`ITEM:2:${D1}:KR`]).toEqual([3, 2, 1, 1, 0, 0]);
    await expect(rebuildUsageDaily(sql, { from: day2, to: new Date(`${D1}T00:00:00Z`) })).rejects.toThrow(RangeError);
  });
});
