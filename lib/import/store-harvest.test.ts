// An OAI-PMH harvest started in the workspace, through the import service: a local HTTP server
// replays two real DSpace ListRecords pages (the second reached by the first page's resumption
// token). The dry run is kept and shown, the real run creates exactly what it showed, a second
// harvest finds every record already there, and a broken second page (truncated XML, HTTP 500,
// badResumptionToken) is refused with a readable message and leaves nothing behind.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PermissionUser } from "../auth/permissions";
import type { Sql } from "../db/connection";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { ImportInputError } from "./input";
import { buildReport, reportToCsv } from "./report";
import { commitStoredImport, getImport, startImport } from "./store";
import { countRows, loadImportFixture, REALWORLD_DIR } from "./test-fixtures";

const page15 = fs.readFileSync(path.join(REALWORLD_DIR, "oai-pmh/dspace_udspace_listrecords_page15_token.xml"), "utf8");
const page16 = fs.readFileSync(path.join(REALWORLD_DIR, "oai-pmh/dspace_udspace_listrecords_page16_last.xml"), "utf8");
const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(page15)![1];
const SET = "hdl_19716_1";

/** How each path answers the request that carries the resumption token. */
const secondPage: Record<string, (res: http.ServerResponse) => void> = {
  "/udspace": (res) => xml(res, page16),
  "/truncated": (res) => xml(res, page16.slice(0, Math.floor(page16.length / 2))),
  "/error500": (res) => {
    res.writeHead(500, { "content-type": "text/html" });
    res.end("<html><body>java.lang.NullPointerException</body></html>");
  },
  "/badtoken": (res) =>
    xml(
      res,
      `<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2015-05-06T00:00:00Z</responseDate>` +
        `<request verb="ListRecords">http://udspace.udel.edu/dspace-oai/request</request><error code="badResumptionToken">The resumption token is invalid</error></OAI-PMH>`,
    ),
};

function xml(res: http.ServerResponse, body: string) {
  res.writeHead(200, { "content-type": "text/xml; charset=utf-8" });
  res.end(body);
}

let server: http.Server;
let base: string;
const requests: string[] = [];
let db: TestDatabase;
let sql: Sql;
let curator: PermissionUser;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://localhost");
    requests.push(url.pathname + url.search);
    const answerSecond = secondPage[url.pathname];
    if (!answerSecond) {
      res.writeHead(404);
      return res.end();
    }
    const q = url.searchParams;
    if (q.get("verb") === "ListRecords" && q.get("resumptionToken") === token) return answerSecond(res);
    if (q.get("verb") === "ListRecords" && q.get("metadataPrefix") === "oai_dc" && q.get("set") === SET) return xml(res, page15);
    res.writeHead(400);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  db = await createTestDatabase();
  sql = db.sql;
  await loadImportFixture(sql);
  const [user] = await sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ('h@x.invalid', 'Harvesting curator', 'CURATOR', now()) RETURNING id`);
  curator = { id: Number(user.id), role: "CURATOR", active: true, researcherId: null, unitIds: [1] };
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

const harvest = (pathName: string) => ({ kind: "oai" as const, baseUrl: `${base}${pathName}`, set: ` ${SET} ` });
const count = async (table: string) => Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe(`workspace OAI-PMH harvest (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
  it("runs dry across both pages, imports exactly the kept plan, and finds everything again on a second harvest", async () => {
    const before = await countRows(sql);
    const stored = await startImport(sql, curator, { source: harvest("/udspace"), collectionId: 1 });
    expect(requests.slice(-2)).toEqual([
      `/udspace?verb=ListRecords&metadataPrefix=oai_dc&set=${SET}`,
      `/udspace?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`,
    ]);
    // The dry run wrote its plan and nothing else.
    expect(await countRows(sql)).toEqual(before);
    expect(stored.state).toBe("planned");
    expect(stored.plan.format).toBe("oai-dc");
    expect(stored.plan.notes).toContain(`Harvested 178 record(s) in 2 page(s) from ${base}/udspace.`);
    const { counts } = stored.plan;
    expect(counts.total).toBe(178);
    expect(counts.create + counts.duplicate + counts.reject + counts.update).toBe(178);
    // DSpace holds some titles many times in one year (e.g. a series of reports): the later ones are
    // duplicates of the first within this harvest.
    expect(counts).toMatchObject({ create: 143, duplicate: 35, reject: 0, update: 0 });
    expect(stored.plan.entries.filter((e) => e.action === "duplicate").every((e) => /^same title and year as record \d+ of this import$/.test(e.reasons[0]))).toBe(true);
    // Every record is named by its OAI identifier, and every rejection says why.
    expect(stored.plan.entries.every((e) => e.locator.startsWith("oai:udspace.udel.edu:"))).toBe(true);
    expect(stored.plan.entries.filter((e) => e.action === "reject").every((e) => e.reasons.length > 0)).toBe(true);

    const dryReport = buildReport(stored.plan);
    expect(dryReport.mode).toBe("dry-run");
    expect(dryReport.rows).toHaveLength(178);
    const csv = reportToCsv(dryReport);
    expect(csv.trim().split("\n").length).toBeGreaterThan(178);

    const { report, commit } = await commitStoredImport(sql, curator, stored.id, { status: "PUBLISHED", batchSize: 50 });
    expect(commit.created).toBe(counts.create);
    expect(report.rows.filter((r) => r.action === "created")).toHaveLength(counts.create);
    const after = await countRows(sql);
    expect(after.items).toBe(before.items + counts.create);
    expect(after.audit).toBeGreaterThan(before.audit);
    const planned = stored.plan.entries.filter((e) => e.action === "create");
    const created = await sql.query<{ title: string; uri: string | null }>(`SELECT title, uri FROM item WHERE handle = ANY($1::text[])`, [[...commit.handles.values()]]);
    expect(created.map((r) => r.title).sort()).toEqual(planned.map((e) => e.record!.title).sort());
    expect(created.filter((r) => r.uri?.startsWith("http://udspace.udel.edu/handle/") || r.uri?.startsWith("http://hdl.handle.net/")).length).toBe(created.length);
    expect((await getImport(sql, curator, stored.id))!.state).toBe("committed");

    // The institute harvests the same set again: every record is already there.
    const again = await startImport(sql, curator, { source: harvest("/udspace"), collectionId: 1 });
    expect(again.plan.counts.total).toBe(178);
    expect(again.plan.counts.create).toBe(0);
    expect(again.plan.counts.duplicate).toBe(178 - again.plan.counts.reject);
    expect(again.plan.counts.reject).toBe(counts.reject);
    const reasons = again.plan.entries.map((e) => e.reasons[0].replace(/ as .*/, ""));
    expect(new Set(reasons)).toEqual(new Set(["same HANDLE", "same title and year"]));
    const done = await commitStoredImport(sql, curator, again.id);
    expect(done.commit.created).toBe(0);
    expect((await countRows(sql)).items).toBe(after.items);
  });

  it.each([
    ["a truncated second page", "/truncated", /Page 2 of the harvest .* is not a usable OAI-PMH response: The file is not well-formed XML — it looks truncated/],
    ["HTTP 500 on the second page", "/error500", /The repository answered HTTP 500 for http:\/\/127\.0\.0\.1:\d+\/error500\?verb=ListRecords&resumptionToken=/],
    ["badResumptionToken on the second page", "/badtoken", /answered page 2 with the OAI-PMH error badResumptionToken: The resumption token is invalid\./],
  ])("refuses %s with a clear error and writes nothing", async (_label, pathName, message) => {
    const rows = await countRows(sql);
    const plans = await count("import_plan");
    const error = await startImport(sql, curator, { source: harvest(pathName), collectionId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as ImportInputError).code).toBe("fetch");
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n\s+at /);
    // The first page was fetched, then the broken one; nothing was kept.
    expect(requests.filter((r) => r.startsWith(`${pathName}?`)).length).toBe(2);
    expect(await count("import_plan")).toBe(plans);
    expect(await countRows(sql)).toEqual(rows);
  });
});
