import os from "node:os";
import path from "node:path";
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/test-db";
import type { PermissionUser } from "../../auth/permissions";
import { createLocalStorage, type Storage } from "../../storage";
import { listHistory, RecordConflictError } from "../audit";
import { fieldErrors } from "../fields";
import { mayCreateResearcher, mayEditResearcher } from "./access";
import { ZResearcherFields, type TResearcherFields } from "./schema";
import { createResearcher, loadEditableResearcher, PhotoRefusal, removeResearcherPhoto, setResearcherPhoto, updateResearcher } from "./store";

let db: TestDatabase;
let storage: Storage;
let dir = "";
let userId = 0;
const units = { division: 0, group: 0, other: 0 };
const curator = (...unitIds: number[]): PermissionUser => ({ id: 2, role: "CURATOR", active: true, researcherId: null, unitIds });
const admin: PermissionUser = { id: 1, role: "ADMIN", active: true, researcherId: null, unitIds: [] };

const fields = (over: Record<string, unknown> = {}): TResearcherFields => ZResearcherFields.parse({ slug: "koo-ja-wook", displayName: "Koo, Ja Wook", primaryUnitId: units.group, ...over });

// A 1×1 PNG.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082", "hex");

async function* chunks(bytes: Buffer): AsyncIterable<Uint8Array> {
  yield bytes;
}

beforeAll(async () => {
  db = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "atrium-photo-"));
  storage = createLocalStorage(dir);
  const [u] = await db.sql.query<{ id: number }>(`INSERT INTO app_user (email, name, role, updated_at) VALUES ('c@x.invalid', 'Curator', 'CURATOR', now()) RETURNING id`);
  userId = Number(u.id);
  const [d] = await db.sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('division', 'Division', now()) RETURNING id`);
  const [g] = await db.sql.query<{ id: number }>(`INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ('group', 'Group', $1, now()) RETURNING id`, [d.id]);
  const [o] = await db.sql.query<{ id: number }>(`INSERT INTO unit (slug, name, updated_at) VALUES ('other', 'Other', now()) RETURNING id`);
  units.division = Number(d.id);
  units.group = Number(g.id);
  units.other = Number(o.id);
}, 180_000);
afterAll(async () => {
  await db?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("researcher schema", () => {
  it("gives field messages next to each field", () => {
    const r = ZResearcherFields.safeParse({ slug: "../etc", displayName: "", orcid: "0000-0002-1825-0098", email: "not an email", scopusId: "abc", links: "Lab | javascript:alert(1)" });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toMatchObject({ slug: ["invalidSlug"], displayName: ["required"], orcid: ["invalidOrcid"], email: ["invalidEmail"], scopusId: ["invalidScopusId"], "links.0.url": ["invalidUrl"] });
  });

  it("normalises an ORCID URL, splits variants and links, and keeps hostile text as typed", () => {
    const v = fields({ orcid: "https://orcid.org/0000-0002-1825-0097", nameVariants: "구자욱\nJa Wook Koo\n구자욱", links: "Lab | https://lab.example.org\nhttps://x.example", biography: "<img src=x onerror=alert(1)>", showEmail: "on", email: "koo@kbri.re.kr" });
    expect(v).toMatchObject({ orcid: "0000-0002-1825-0097", nameVariants: ["구자욱", "Ja Wook Koo"], showEmail: true, biography: "<img src=x onerror=alert(1)>" });
    expect(v.links).toEqual([{ label: "Lab", url: "https://lab.example.org" }, { label: "", url: "https://x.example" }]);
  });
});

describe("researcher store", () => {
  it("creates, saves with before/after per field, and refuses a stale save", async () => {
    const r = await createResearcher(db.sql, fields({ unitIds: [units.division] }), userId);
    expect(r).toMatchObject({ version: 1, primaryUnitId: units.group, unitIds: [units.division] });
    const { after, changes } = await updateResearcher(db.sql, r.id, 1, fields({ position: "Principal Researcher", nameVariants: "구자욱", unitIds: [] }), userId);
    expect(after.version).toBe(2);
    expect(changes).toEqual({ position: { before: null, after: "Principal Researcher" }, nameVariants: { before: null, after: ["구자욱"] }, unitIds: { before: [units.division], after: null } });
    const err = await updateResearcher(db.sql, r.id, 1, fields({ position: "Mine" }), userId).catch((e) => e);
    expect(err).toBeInstanceOf(RecordConflictError);
    expect((err as RecordConflictError<{ position: string }>).current).toMatchObject({ position: "Principal Researcher", version: 2 });
    const history = await listHistory(db.sql, "researcher", r.id);
    expect(history.map((h) => h.action)).toEqual(["update", "create"]);
    expect(history[0].changes.position).toEqual({ before: null, after: "Principal Researcher" });
  });

  it("refuses a slug or ORCID that another profile has, naming the field", async () => {
    await createResearcher(db.sql, fields({ slug: "lee", displayName: "Lee", orcid: "0000-0002-1694-233X" }), userId);
    await expect(createResearcher(db.sql, fields({ slug: "lee", displayName: "Lee 2" }), userId)).rejects.toMatchObject({ field: "slug", code: "slugTaken" });
    await expect(createResearcher(db.sql, fields({ slug: "lee-2", displayName: "Lee 2", orcid: "0000-0002-1694-233X" }), userId)).rejects.toMatchObject({ field: "orcid", code: "orcidTaken" });
  });

  it("stores a photo typed from its content, refuses a lying or oversized one, and removes it", async () => {
    const r = await createResearcher(db.sql, fields({ slug: "photo-person", displayName: "Photo" }), userId);
    const set = await setResearcherPhoto(db.sql, storage, { researcherId: r.id, body: chunks(PNG), maxBytes: 10_000, userId });
    expect(set.contentType).toBe("image/png");
    expect((await loadEditableResearcher(db.sql, r.id))!.photoKey).toBe(set.photoKey);
    expect(await storage.read(set.photoKey)).toEqual(PNG);
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    await expect(setResearcherPhoto(db.sql, storage, { researcherId: r.id, body: chunks(html), maxBytes: 10_000, userId })).rejects.toBeInstanceOf(PhotoRefusal);
    await expect(setResearcherPhoto(db.sql, storage, { researcherId: r.id, body: chunks(PNG), maxBytes: 10, userId })).rejects.toMatchObject({ code: "tooLarge", status: 413 });
    expect((await loadEditableResearcher(db.sql, r.id))!).toMatchObject({ photoKey: set.photoKey, version: 1 });
    await removeResearcherPhoto(db.sql, r.id, userId);
    expect((await loadEditableResearcher(db.sql, r.id))!.photoKey).toBeNull();
    const photoEntries = (await listHistory(db.sql, "researcher", r.id)).filter((h) => h.action === "photo");
    expect(photoEntries.map((h) => h.changes.photoKey)).toEqual([{ before: set.photoKey, after: null }, { before: null, after: set.photoKey }]);
  });
});

describe("researcher rights", () => {
  it("lets curators of the profile's units (and above) edit, and refuses a curator of another unit", async () => {
    const r = await createResearcher(db.sql, fields({ slug: "rights", displayName: "Rights" }), userId);
    expect(await mayEditResearcher(db.sql, curator(units.group), { id: r.id })).toBe(true);
    expect(await mayEditResearcher(db.sql, curator(units.division), { id: r.id })).toBe(true);
    expect(await mayEditResearcher(db.sql, curator(units.other), { id: r.id })).toBe(false);
    expect(await mayEditResearcher(db.sql, admin, { id: r.id })).toBe(true);
    // Adding a unit the curator does not cover is refused.
    expect(await mayEditResearcher(db.sql, curator(units.group), { id: r.id, primaryUnitId: units.group, unitIds: [units.other] })).toBe(false);
    expect(await mayEditResearcher(db.sql, curator(units.group, units.other), { id: r.id, primaryUnitId: units.group, unitIds: [units.other] })).toBe(true);
    // A researcher's own account does not make them a curator of their profile here.
    expect(await mayEditResearcher(db.sql, { id: 9, role: "RESEARCHER", active: true, researcherId: r.id, unitIds: [] }, { id: r.id })).toBe(false);
  });

  it("creates profiles only in covered units; one without a unit is the administrator's", async () => {
    expect(await mayCreateResearcher(db.sql, curator(units.division), { primaryUnitId: units.group, unitIds: [] })).toBe(true);
    expect(await mayCreateResearcher(db.sql, curator(units.other), { primaryUnitId: units.group, unitIds: [] })).toBe(false);
    expect(await mayCreateResearcher(db.sql, curator(units.group), { primaryUnitId: null, unitIds: [] })).toBe(false);
    expect(await mayCreateResearcher(db.sql, admin, { primaryUnitId: null, unitIds: [] })).toBe(true);
  });
});
