// A harvester's view of the demonstration data: a full harvest through resumption tokens returns
// each public item exactly once and each once-public, now withdrawn item as a deleted record, every
// page valid against the schemas, and no closed file ever linked.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateOaiPmh } from "../../test/oai-pmh/validate";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { decideFileAccess } from "../files/access";
import { seedDemo } from "../seed";
import { createLocalStorage } from "../storage";
import { answerOaiRequest, OAI_NS } from "./respond";

const SITE = "https://repo.example.org";
const NOW = new Date("2026-11-28T12:00:00Z");

let db: TestDatabase;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atrium-oai-"));
  db = await createTestDatabase();
  await seedDemo(db.sql, { items: 150, events: 0, today: "2026-11-28", storage: createLocalStorage(tmp) });
}, 240_000);

afterAll(async () => {
  await db?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function harvestAll(verb: string, metadataPrefix: string, pageSizes = { records: 40, identifiers: 40 }) {
  const records: { id: string; deleted: boolean }[] = [];
  const pages: string[] = [];
  let query: Record<string, string> = { verb, metadataPrefix };
  for (;;) {
    const response = await answerOaiRequest({ method: "GET", url: `${SITE}/oai?${new URLSearchParams(query)}` }, { sql: db.sql, siteUrl: SITE, now: NOW, pageSizes });
    pages.push(response.body);
    const doc = new DOMParser().parseFromString(response.body, "text/xml");
    expect(doc.getElementsByTagNameNS(OAI_NS, "error")).toHaveLength(0);
    for (const h of doc.getElementsByTagNameNS(OAI_NS, "header")) {
      records.push({ id: h.getElementsByTagNameNS(OAI_NS, "identifier")[0].textContent!, deleted: h.getAttribute("status") === "deleted" });
    }
    const token = doc.getElementsByTagNameNS(OAI_NS, "resumptionToken")[0]?.textContent;
    if (!token) break;
    query = { verb, resumptionToken: token };
  }
  return { records, pages };
}

describe(`harvesting the demonstration data (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("returns every public item once and every withdrawn one as deleted, all pages valid", async () => {
    const expected = await db.sql.query<{ handle: string; status: string }>(
      `SELECT handle, status::text AS status FROM item WHERE status = 'PUBLISHED' OR (status = 'WITHDRAWN' AND published_at IS NOT NULL)`,
    );
    const hidden = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM item WHERE status IN ('DRAFT', 'IN_REVIEW')`);
    expect(hidden[0].n).toBeGreaterThan(0);
    expect(expected.some((e) => e.status === "WITHDRAWN")).toBe(true);

    const { records, pages } = await harvestAll("ListRecords", "oai_dc");
    expect(pages.length).toBeGreaterThan(2);
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byHandle = new Map(records.map((r) => [r.id.replace(/^oai:repo\.example\.org:/, ""), r.deleted]));
    expect(new Map(expected.map((e) => [e.handle, e.status === "WITHDRAWN"]))).toEqual(byHandle);
    for (const page of pages) expect((await validateOaiPmh(page)).errors).toEqual([]);

    const identifiers = await harvestAll("ListIdentifiers", "oai_dc");
    expect(identifiers.records).toEqual(records);
  });

  it("links open files in MODS and never an embargoed or restricted one", async () => {
    const files = await db.sql.query<{ id: number; access: "OPEN" | "EMBARGOED" | "RESTRICTED"; embargoUntil: string | null; itemEmbargo: string | null; status: string }>(
      `SELECT f.id, f.access::text AS access, f.embargo_until::text AS "embargoUntil", i.embargo_until::text AS "itemEmbargo", i.status::text AS status
       FROM file f JOIN item i ON i.id = f.item_id`,
    );
    const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
    const open = files.filter((f) => f.status === "PUBLISHED" && decideFileAccess({ access: f.access, embargoUntil: day(f.embargoUntil) }, { embargoUntil: day(f.itemEmbargo) }, NOW, null).kind === "open");
    const closed = files.filter((f) => !open.includes(f));
    expect(open.length).toBeGreaterThan(0);
    expect(closed.length).toBeGreaterThan(0);
    const { pages } = await harvestAll("ListRecords", "mods", { records: 100, identifiers: 100 });
    const all = pages.join("\n");
    for (const f of open) expect(all).toContain(`${SITE}/files/${f.id}/`);
    for (const f of closed) expect(all).not.toContain(`${SITE}/files/${f.id}/`);
    for (const page of pages) expect((await validateOaiPmh(page, { mods: true })).errors).toEqual([]);
  });
});
