import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { acceptCorrection, CorrectionError, declineCorrection, fileCorrection, listCorrections, ZFileCorrection } from "./corrections";
import { ZItemFields } from "./items/schema";
import { createItem, listItemHistory, loadEditableItem, updateItem } from "./items/store";
import { getOwnProfile, listResearchItems, ProfileConflictError, updateOwnProfile, ZOwnProfile } from "./research";

let db: TestDatabase;
let collection = 0;
let unit = 0;
let researcher = 0;
let researcherUser = 0;
let curator = 0;

const newItem = (over: Record<string, unknown> = {}) =>
  createItem(db.sql, ZItemFields.parse({ type: "JOURNAL_ARTICLE", title: "Fear memory in mice", collectionId: collection, contributors: [{ name: "Koo, Ja Wook", researcherId: researcher }], ...over }), curator);

beforeAll(async () => {
  db = await createTestDatabase();
  const one = async (text: string, params: unknown[] = []) => Number((await db.sql.query<{ id: number }>(text, params))[0].id);
  unit = await one(`INSERT INTO unit (slug, name, updated_at) VALUES ('u', 'Unit', now()) RETURNING id`);
  collection = await one(`INSERT INTO collection (slug, name, unit_id, updated_at) VALUES ('c', 'C', $1, now()) RETURNING id`, [unit]);
  researcher = await one(`INSERT INTO researcher (slug, display_name, updated_at) VALUES ('koo', 'Koo, Ja Wook', now()) RETURNING id`);
  researcherUser = await one(`INSERT INTO app_user (email, name, role, researcher_id, updated_at) VALUES ('koo@x.invalid', 'Koo', 'RESEARCHER', $1, now()) RETURNING id`, [researcher]);
  curator = await one(`INSERT INTO app_user (email, name, role, updated_at) VALUES ('c@x.invalid', 'Curator', 'CURATOR', now()) RETURNING id`);
  await db.sql.query(`INSERT INTO handle_sequence (prefix, next_number) VALUES ('t', 1)`);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const request = (itemId: number, field: string[], value: string[], comment?: string) => ZFileCorrection.parse({ itemId: String(itemId), field, value, comment });

describe("correction requests", () => {
  it("files a request with the schema's reading of the value, and audits it", async () => {
    const item = await newItem();
    const { id } = await fileCorrection(db.sql, request(item.id, ["doi", "keywords"], ["https://doi.org/10.1000/ABC", "fear\nmemory\n"], "  the DOI is missing "), researcherUser);
    const [r] = await listCorrections(db.sql, { itemId: item.id });
    expect(r).toMatchObject({ id, status: "OPEN", comment: "the DOI is missing", itemVersion: 1, filedBy: "Koo" });
    expect(r.changes).toEqual({ doi: "10.1000/abc", keywords: ["fear", "memory"] });
    expect(r.current).toEqual({ doi: null, keywords: [] });
    const [audit] = await db.sql.query<{ action: string; entity_type: string }>(`SELECT action, entity_type FROM audit_entry WHERE entity_type = 'correction_request' AND entity_id = $1`, [id]);
    expect(audit).toEqual({ action: "create", entity_type: "correction_request" });
  });

  it("refuses an invalid value, an unchanged value and mismatched pairs, storing nothing", async () => {
    const item = await newItem();
    const invalid = await fileCorrection(db.sql, request(item.id, ["doi"], ["not a doi"]), researcherUser).catch((e) => e);
    expect(invalid).toBeInstanceOf(CorrectionError);
    expect((invalid as CorrectionError).fieldErrors.doi).toEqual(["invalidDoi"]);
    const same = await fileCorrection(db.sql, request(item.id, ["title"], ["  Fear memory in mice "]), researcherUser).catch((e) => e);
    expect((same as CorrectionError).code).toBe("unchanged");
    expect(ZFileCorrection.safeParse({ itemId: item.id, field: ["title", "doi"], value: ["x"] }).success).toBe(false);
    expect(ZFileCorrection.safeParse({ itemId: item.id, field: ["status"], value: ["PUBLISHED"] }).success).toBe(false);
    expect(await listCorrections(db.sql, { itemId: item.id })).toEqual([]);
  });

  it("accepting applies the change to the current version as a new, locked, audited version", async () => {
    const item = await newItem({ abstract: "Old abstract" });
    const { id } = await fileCorrection(db.sql, request(item.id, ["title"], ["Fear memory in adult mice"]), researcherUser);
    // A curator saves something else in between: the request still applies on top of it.
    await updateItem(db.sql, item.id, 1, ZItemFields.parse({ type: "JOURNAL_ARTICLE", title: "Fear memory in mice", abstract: "New abstract", collectionId: collection, contributors: [{ name: "Koo, Ja Wook", researcherId: researcher }] }), curator);
    const { after } = await acceptCorrection(db.sql, id, curator);
    expect(after).toMatchObject({ title: "Fear memory in adult mice", abstract: "New abstract", version: 3 });
    const history = await listItemHistory(db.sql, item.id);
    expect(history[0]).toMatchObject({ action: "correction", version: 3, summary: `correction request #${id}`, userName: "Curator" });
    expect(history[0].changes.title).toEqual({ before: "Fear memory in mice", after: "Fear memory in adult mice" });
    const [r] = await listCorrections(db.sql, { itemId: item.id });
    expect(r).toMatchObject({ status: "ACCEPTED", decidedBy: "Curator" });
    const again = await acceptCorrection(db.sql, id, curator).catch((e) => e);
    expect((again as CorrectionError).code).toBe("decided");
  });

  it("declining keeps the item and records the reason for the researcher", async () => {
    const item = await newItem();
    const { id } = await fileCorrection(db.sql, request(item.id, ["title"], ["<script>alert(1)</script>"]), researcherUser);
    await declineCorrection(db.sql, id, curator, "The printed title is right.");
    expect((await loadEditableItem(db.sql, item.id))?.version).toBe(1);
    const [mine] = await listCorrections(db.sql, { filedById: researcherUser, itemId: item.id });
    expect(mine).toMatchObject({ status: "DECLINED", decisionNote: "The printed title is right.", changes: { title: "<script>alert(1)</script>" } });
    expect(await listCorrections(db.sql, { status: "OPEN", unitIds: [unit], itemId: item.id })).toEqual([]);
  });
});

describe("the researcher's own profile and items", () => {
  it("saves the own fields with before/after, refuses a stale version, and lists items with their gaps", async () => {
    const before = (await getOwnProfile(db.sql, researcher))!;
    const input = ZOwnProfile.parse({ version: String(before.version), biography: " Studies memory.\r\n", position: "PI", researchInterests: "memory\nsleep\nmemory", showEmail: "on" });
    const { after } = await updateOwnProfile(db.sql, researcher, input, researcherUser);
    expect(after).toMatchObject({ biography: "Studies memory.", position: "PI", researchInterests: ["memory", "sleep"], showEmail: true, version: before.version + 1 });
    const [audit] = await db.sql.query<{ changes: Record<string, unknown> }>(`SELECT changes FROM audit_entry WHERE entity_type = 'researcher' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [researcher]);
    expect(audit.changes).toMatchObject({ biography: { before: null, after: "Studies memory." }, showEmail: { before: false, after: true } });
    await expect(updateOwnProfile(db.sql, researcher, input, researcherUser)).rejects.toBeInstanceOf(ProfileConflictError);
    expect(ZOwnProfile.safeParse({ version: "1", biography: "bad\u0007" }).success).toBe(false);
    const items = await listResearchItems(db.sql, researcher);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].missing).toEqual({ doi: true, abstract: true, file: true });
  });
});
