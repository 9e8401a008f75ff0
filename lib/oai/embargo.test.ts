// Embargoes that end by themselves move a record's OAI-PMH datestamp to the moment its file opened,
// so that incremental harvesters fetch the record again: selective harvests by from/until see the
// new datestamp, a list already under way does not send a record twice, and the list query walks
// the datestamp index in order (no sort, no OFFSET) on both databases.
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateOaiPmh } from "../../test/oai-pmh/validate";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { liftEndedEmbargoes } from "./embargo";
import { MODS_NS } from "./formats";
import { answerOaiRequest, OAI_NS } from "./respond";

const SITE = "https://repo.example.org";
/** Today, early in the morning: "yesterday" is 2026-11-27. */
const NOW = new Date("2026-11-28T03:00:00.000Z");
/** A harvester's previous visit, the day before yesterday. */
const EARLIER = new Date("2026-11-26T08:00:00.000Z");

type Fixture = {
  key: string;
  updatedAt: string;
  itemEmbargo?: string;
  files: { access: "OPEN" | "EMBARGOED" | "RESTRICTED"; embargo?: string }[];
};

const FIXTURES: Fixture[] = [
  // The case of the brief: the file's embargo ended yesterday.
  { key: "P", updatedAt: "2026-10-01T10:00:00.000Z", files: [{ access: "OPEN" }, { access: "EMBARGOED", embargo: "2026-11-27" }] },
  // Still embargoed.
  { key: "Q", updatedAt: "2026-10-02T10:00:00.000Z", files: [{ access: "EMBARGOED", embargo: "2026-12-15" }] },
  // The item's own embargo closed an open file until the 20th.
  { key: "R", updatedAt: "2026-10-03T10:00:00.000Z", itemEmbargo: "2026-11-20", files: [{ access: "OPEN" }] },
  // Edited after its embargo ended: the edit is the later change.
  { key: "S", updatedAt: "2026-11-27T12:00:00.000Z", files: [{ access: "EMBARGOED", embargo: "2026-11-01" }] },
  // Nothing opens: a restricted file under a past item embargo, an embargo without an end.
  { key: "T", updatedAt: "2026-10-04T10:00:00.000Z", itemEmbargo: "2026-11-10", files: [{ access: "RESTRICTED" }] },
  { key: "U", updatedAt: "2026-10-05T10:00:00.000Z", files: [{ access: "EMBARGOED" }] },
  // Both embargoes must be over; the later one (the file's) ended yesterday.
  { key: "V", updatedAt: "2026-10-06T10:00:00.000Z", itemEmbargo: "2026-11-02", files: [{ access: "EMBARGOED", embargo: "2026-11-27" }] },
];

let db: TestDatabase;
const ids: Record<string, number> = {};
const handleOf = (key: string) => `9999.test/${key}`;
const idOf = (key: string) => `oai:repo.example.org:${handleOf(key)}`;
const keyOf = (identifier: string) => identifier.split("/").pop()!;

beforeAll(async () => {
  db = await createTestDatabase();
  const sql = db.sql;
  const [unit] = await sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('institute', 'Institute', now()) RETURNING id`);
  const [col] = await sql.query<{ id: number }>(`INSERT INTO collection (slug, unit_id, name, updated_at) VALUES ('articles', $1, 'Articles', now()) RETURNING id`, [unit.id]);
  for (const f of FIXTURES) {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, collection_id, published_at, embargo_until, updated_at)
       VALUES ($1, 'JOURNAL_ARTICLE', 'PUBLISHED', $2, $3, '2026-09-01T00:00:00Z', $4::date, $5) RETURNING id`,
      [handleOf(f.key), `Record ${f.key}`, col.id, f.itemEmbargo ?? null, f.updatedAt],
    );
    ids[f.key] = row.id;
    for (const [n, file] of f.files.entries()) {
      await sql.query(
        `INSERT INTO file (item_id, position, file_name, mime_type, size, sha256, storage_key, access, embargo_until, updated_at)
         VALUES ($1, $2, $3, 'application/pdf', 100, 'x', $4, $5::file_access, $6::date, $7)`,
        [row.id, n, `file-${n}.pdf`, `k-${f.key}-${n}`, file.access, file.embargo ?? null, f.updatedAt],
      );
    }
  }
});

afterAll(async () => {
  await db?.close();
});

type Page = { doc: Document; headers: { key: string; datestamp: string }[]; token: string | null; errors: string[] };

async function oai(args: Record<string, string>, now: Date, sql: Sql = db.sql, pageSize = 100): Promise<Page> {
  const response = await answerOaiRequest(
    { method: "GET", url: `${SITE}/oai?${new URLSearchParams(args)}` },
    { sql, siteUrl: SITE, now, pageSizes: { records: pageSize, identifiers: pageSize } },
  );
  const validation = await validateOaiPmh(response.body, { mods: response.body.includes(MODS_NS) });
  expect(validation.errors).toEqual([]);
  const doc = new DOMParser().parseFromString(response.body, "text/xml") as unknown as Document;
  const headers = [...doc.getElementsByTagNameNS(OAI_NS, "header")].map((h) => ({
    key: keyOf(h.getElementsByTagNameNS(OAI_NS, "identifier")[0].textContent!),
    datestamp: h.getElementsByTagNameNS(OAI_NS, "datestamp")[0].textContent!,
  }));
  const tokenEl = doc.getElementsByTagNameNS(OAI_NS, "resumptionToken")[0];
  const errors = [...doc.getElementsByTagNameNS(OAI_NS, "error")].map((e) => e.getAttribute("code")!);
  return { doc, headers, token: tokenEl?.textContent || null, errors };
}

async function harvestAll(args: Record<string, string>, now: Date, pageSize = 100) {
  const headers: Page["headers"] = [];
  let page = await oai({ verb: "ListIdentifiers", metadataPrefix: "oai_dc", ...args }, now, db.sql, pageSize);
  for (;;) {
    expect(page.errors).toEqual([]);
    headers.push(...page.headers);
    if (!page.token) return headers;
    page = await oai({ verb: "ListIdentifiers", resumptionToken: page.token }, now, db.sql, pageSize);
  }
}

describe(`datestamps of records whose embargo ended (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("before the embargo ends, the datestamps are the last changes (earlier openings already count)", async () => {
    const headers = await harvestAll({}, EARLIER);
    expect(headers).toEqual([
      { key: "P", datestamp: "2026-10-01T10:00:00Z" },
      { key: "Q", datestamp: "2026-10-02T10:00:00Z" },
      { key: "T", datestamp: "2026-10-04T10:00:00Z" },
      { key: "U", datestamp: "2026-10-05T10:00:00Z" },
      { key: "V", datestamp: "2026-10-06T10:00:00Z" },
      // R's file opened on the 20th, after its last edit.
      { key: "R", datestamp: "2026-11-20T00:00:00Z" },
    ]);
  });

  it("a record whose file embargo ended yesterday appears in a harvest from yesterday, with its file linked", async () => {
    const fromYesterday = await harvestAll({ from: "2026-11-27" }, NOW);
    expect(fromYesterday).toEqual([
      { key: "P", datestamp: "2026-11-27T00:00:00Z" },
      { key: "V", datestamp: "2026-11-27T00:00:00Z" },
      { key: "S", datestamp: "2026-11-27T12:00:00Z" },
    ]);
    // The harvester's incremental harvest from its last visit brings exactly the opened records.
    expect((await harvestAll({ from: "2026-11-26T08:00:00Z" }, NOW)).map((h) => h.key)).toEqual(["P", "V", "S"]);
    // ...and nothing that did not change: until the day before yesterday, the others.
    expect((await harvestAll({ until: "2026-11-26" }, NOW)).map((h) => h.key)).toEqual(["Q", "T", "U", "R"]);
    expect((await harvestAll({ from: "2026-11-20", until: "2026-11-20" }, NOW)).map((h) => h.key)).toEqual(["R"]);

    const record = await oai({ verb: "GetRecord", metadataPrefix: "mods", identifier: idOf("P") }, NOW);
    expect(record.headers).toEqual([{ key: "P", datestamp: "2026-11-27T00:00:00Z" }]);
    const links = [...record.doc.getElementsByTagNameNS(MODS_NS, "url")].map((u) => u.textContent);
    expect(links.filter((l) => l?.includes("/files/"))).toHaveLength(2);
    const change = record.doc.getElementsByTagNameNS(MODS_NS, "recordChangeDate")[0].textContent;
    expect(change).toBe("2026-11-27T00:00:00.000Z");
  });

  it("does not move a record that an edit after the opening already dated, nor one whose files stay closed", async () => {
    const rows = await db.sql.query<{ handle: string; lifted: Date | null }>(`SELECT handle, embargo_lifted_at AS lifted FROM item ORDER BY handle`);
    const lifted = Object.fromEntries(rows.map((r) => [keyOf(r.handle), r.lifted ? new Date(r.lifted).toISOString() : null]));
    expect(lifted).toEqual({
      P: "2026-11-27T00:00:00.000Z",
      Q: null,
      R: "2026-11-20T00:00:00.000Z",
      S: null,
      T: null,
      U: null,
      V: "2026-11-27T00:00:00.000Z",
    });
    // Nothing more to record until the next embargo ends: the next day's pass finds nothing...
    const nextDay = new Date("2026-11-29T01:00:00.000Z");
    expect(await liftEndedEmbargoes(db.sql, nextDay)).toBe(0);
    // ...and a pass a day is all there is: the day's later requests do not look again.
    await db.sql.query(`UPDATE item SET embargo_lifted_at = NULL WHERE id = $1`, [ids.P]);
    expect(await liftEndedEmbargoes(db.sql, nextDay)).toBe(0);
    expect(await liftEndedEmbargoes(db.sql, new Date("2026-11-30T01:00:00.000Z"))).toBe(1);
    // After an edit, the edit dates the record.
    await db.sql.query(`UPDATE item SET updated_at = '2026-11-28T02:00:00Z' WHERE id = $1`, [ids.R]);
    try {
      expect((await harvestAll({ from: "2026-11-28" }, NOW)).map((h) => h.key)).toEqual(["R"]);
    } finally {
      await db.sql.query(`UPDATE item SET updated_at = '2026-10-03T10:00:00Z' WHERE id = $1`, [ids.R]);
    }
  });

  it("keeps a list that started before the opening free of repeats, and brings the record with the next harvest", async () => {
    // Reset P and V, as if their embargo had not been seen ending yet.
    await db.sql.query(`UPDATE item SET embargo_lifted_at = NULL WHERE id = ANY($1::int[])`, [[ids.P, ids.V]]);
    const started = new Date("2026-11-26T23:59:00.000Z");
    const first = await oai({ verb: "ListIdentifiers", metadataPrefix: "oai_dc" }, started, db.sql, 2);
    expect(first.headers.map((h) => h.key)).toEqual(["P", "Q"]);
    // The harvester continues the next morning, within the token's 24 hours, after the files opened.
    const continued = new Date("2026-11-27T09:00:00.000Z");
    const rest: string[] = [];
    let token = first.token;
    while (token) {
      const page = await oai({ verb: "ListIdentifiers", resumptionToken: token }, continued, db.sql, 2);
      expect(page.errors).toEqual([]);
      rest.push(...page.headers.map((h) => h.key));
      token = page.token;
    }
    // V opened after the list's snapshot: it leaves this list and comes with the next one.
    expect(rest).toEqual(["T", "U", "R"]);
    const next = await harvestAll({ from: "2026-11-26T23:59:00Z" }, NOW);
    expect(next.map((h) => h.key)).toEqual(["P", "V", "S"]);
  });

  it("walks the datestamp index for selective lists and pages (no sort, no sequential scan)", async () => {
    const seen: { text: string; params: unknown[] }[] = [];
    const recording: Sql = {
      kind: db.sql.kind,
      query: (text, params) => {
        seen.push({ text, params: params ?? [] });
        return db.sql.query(text, params);
      },
      exec: (text) => db.sql.exec(text),
      transaction: (fn) => db.sql.transaction(fn),
    };
    const first = await oai({ verb: "ListIdentifiers", metadataPrefix: "oai_dc", from: "2026-10-02", until: "2026-11-30" }, NOW, recording, 2);
    await oai({ verb: "ListIdentifiers", resumptionToken: first.token! }, NOW, recording, 2);
    const lists = seen.filter((q) => /ORDER BY greatest\(i\.updated_at, i\.embargo_lifted_at\), i\.id LIMIT/.test(q.text) || /SELECT count\(\*\)/.test(q.text));
    expect(lists).toHaveLength(3);
    for (const q of lists) {
      const plan = await db.sql.transaction(async (tx) => {
        await tx.exec(`SET LOCAL enable_seqscan = off`);
        return (await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${q.text}`, q.params)).map((r) => r["QUERY PLAN"]).join("\n");
      });
      expect(plan).toMatch(/item_oai_datestamp_expr_idx/);
      expect(plan).not.toMatch(/Seq Scan on item|Sort Key/);
    }
  });
});
