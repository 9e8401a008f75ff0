// The OAI-PMH harvest client against a local HTTP server that replays recorded DSpace responses:
// resumption tokens followed page by page, deleted records, noRecordsMatch, protocol errors,
// temporary failures and timeouts. No network beyond 127.0.0.1.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testServerUrl, type TestDatabase } from "../db/test-db";
import { commitImport, harvestImport, ImportInputError, planImport } from "./index";
import { countRows, loadImportFixture, REALWORLD_DIR } from "./test-fixtures";

const page15 = fs.readFileSync(path.join(REALWORLD_DIR, "oai-pmh/dspace_udspace_listrecords_page15_token.xml"), "utf8");
const page16 = fs.readFileSync(path.join(REALWORLD_DIR, "oai-pmh/dspace_udspace_listrecords_page16_last.xml"), "utf8");
const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(page15)![1];

const oai = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-28T00:00:00Z</responseDate><request verb="ListRecords">http://localhost/oai</request>${body}</OAI-PMH>`;
const dcRecord = (id: string, title: string) =>
  `<record><header><identifier>${id}</identifier><datestamp>2026-01-01</datestamp></header><metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title><dc:creator>Koo, Ja Wook</dc:creator><dc:date>2024-05-02</dc:date><dc:type>Article</dc:type><dc:identifier>http://hdl.handle.net/1234/${id.split(":").pop()}</dc:identifier></oai_dc:dc></metadata></record>`;
const withDeleted = oai(
  `<ListRecords>${dcRecord("oai:x:1", "Kept record")}<record><header status="deleted"><identifier>oai:x:2</identifier><datestamp>2026-01-02</datestamp></header></record>${dcRecord("oai:x:3", "Another kept record")}<resumptionToken completeListSize="3" cursor="0"/></ListRecords>`,
);

let server: http.Server;
let base: string;
const requests: string[] = [];
let flaky = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://localhost");
    requests.push(url.pathname + url.search);
    const q = url.searchParams;
    const send = (body: string, status = 200) => {
      res.writeHead(status, { "content-type": "text/xml; charset=utf-8" });
      res.end(body);
    };
    if (url.pathname === "/udspace") {
      if (q.get("resumptionToken") === token) return send(page16);
      if (q.get("metadataPrefix") === "oai_dc" && q.get("set") === "hdl_19716_1") return send(page15);
      if (q.get("metadataPrefix") === "oai_dc" && q.get("set") === "empty") return send(oai(`<error code="noRecordsMatch">No matching records</error>`));
      return send(oai(`<error code="badArgument">Unknown arguments</error>`));
    }
    if (url.pathname === "/deleted") return send(withDeleted);
    if (url.pathname === "/flaky") {
      if (flaky++ < 1) {
        res.writeHead(503, { "retry-after": "0" });
        return res.end();
      }
      return send(withDeleted);
    }
    if (url.pathname === "/slow") return; // never answers
    if (url.pathname === "/html") return send("<html><body>Not an OAI endpoint</body></html>");
    send("not found", 404);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("OAI-PMH harvest", () => {
  it("follows the resumption token from page to page until the empty token", async () => {
    const pages: number[] = [];
    const result = await harvestImport({ baseUrl: `${base}/udspace?verb=Identify`, set: "hdl_19716_1", onPage: (p) => pages.push(p.records) });
    expect(pages).toEqual([100, 178]);
    expect(result.records).toHaveLength(178);
    expect(result.records.map((r) => r.position)).toEqual(Array.from({ length: 178 }, (_, i) => i + 1));
    expect(requests.filter((r) => r.startsWith("/udspace")).slice(-2)).toEqual([
      "/udspace?verb=ListRecords&metadataPrefix=oai_dc&set=hdl_19716_1",
      `/udspace?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`,
    ]);
    expect(result.notes.at(-1)).toMatch(/Harvested 178 record\(s\) in 2 page\(s\)/);
  });

  it("treats noRecordsMatch as an empty harvest and other protocol errors as errors", async () => {
    const empty = await harvestImport({ baseUrl: `${base}/udspace`, set: "empty" });
    expect(empty.records).toEqual([]);
    expect(empty.notes[0]).toMatch(/no records in set "empty" \(noRecordsMatch\)/);
    await expect(harvestImport({ baseUrl: `${base}/udspace`, set: "other" })).rejects.toThrow(/OAI-PMH error badArgument: Unknown arguments/);
    await expect(harvestImport({ baseUrl: `${base}/html` })).rejects.toThrow(/not a usable OAI-PMH response/);
    await expect(harvestImport({ baseUrl: `${base}/missing` })).rejects.toThrow(/HTTP 404/);
    await expect(harvestImport({ baseUrl: "ftp://example.org/oai" })).rejects.toThrow(ImportInputError);
  });

  it("retries a 503 and gives up on a server that does not answer", async () => {
    const result = await harvestImport({ baseUrl: `${base}/flaky` });
    expect(result.records).toHaveLength(3);
    await expect(harvestImport({ baseUrl: `${base}/slow`, timeoutMs: 200, retries: 1 })).rejects.toThrow(/could not be reached after 2 attempts \(no answer within 0 s\)/);
  });

  describe(`into the database (${testServerUrl() ? "PostgreSQL server" : "PGlite"})`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
      await loadImportFixture(db.sql);
    });
    afterAll(async () => {
      await db?.close();
    });

    it("rejects deleted records with the reason, imports the others, and a second harvest finds them all", async () => {
      const parsed = await harvestImport({ baseUrl: `${base}/deleted` });
      const plan = await planImport(db.sql, parsed, { collection: "articles" });
      expect(plan.entries.map((e) => [e.locator, e.action])).toEqual([
        ["oai:x:1", "create"],
        ["oai:x:2", "reject"],
        ["oai:x:3", "create"],
      ]);
      expect(plan.entries[1].reasons).toEqual(["deleted in the source repository (OAI-PMH deleted record)"]);
      expect(plan.entries[0].contributors[0]).toMatchObject({ researcher: { slug: "koo-ja-wook" }, basis: "name" });
      const result = await commitImport(db.sql, plan);
      expect(result.created).toBe(2);
      const [item] = await db.sql.query<{ uri: string; issue_date: string; type: string }>(`SELECT uri, issue_date, type::text AS type FROM item WHERE title = 'Kept record'`);
      expect(item).toEqual({ uri: "http://hdl.handle.net/1234/1", issue_date: "2024-05-02", type: "JOURNAL_ARTICLE" });
      const before = await countRows(db.sql);
      const again = await planImport(db.sql, await harvestImport({ baseUrl: `${base}/deleted` }), { collection: "articles" });
      expect(again.entries.map((e) => e.action)).toEqual(["duplicate", "reject", "duplicate"]);
      expect(again.entries[0].reasons[0]).toMatch(/^same HANDLE as/);
      expect(await countRows(db.sql)).toEqual(before);
    });
  });
});
