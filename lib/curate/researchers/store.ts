// Writes to researcher profiles from the curator workspace: create, save (optimistic locking),
// photo replace/remove. Plain SQL over the Sql interface (server, tests and scripts share it).
// Every write is one transaction with an audit entry (before/after of each field).
import { fileTypeFromBuffer } from "file-type";
import type { Sql } from "../../db/connection";
import type { Storage } from "../../storage";
import { rememberOldSlug } from "../old-slugs";
import { RecordConflictError, RecordNotFoundError, RecordRuleError, pickFields, diffFields, saveVersioned, writeAuditEntry, type SaveOptions } from "../audit";
import { PHOTO_TYPES, RESEARCHER_FIELDS, type TResearcherFields } from "./schema";

export type EditableResearcher = TResearcherFields & {
  id: number;
  version: number;
  updatedAt: string;
  photoKey: string | null;
};

export { RecordConflictError as ResearcherConflictError };

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function loadEditableResearcher(sql: Sql, id: number, lock = false): Promise<EditableResearcher | null> {
  const [r] = await sql.query<Row>(`SELECT * FROM researcher WHERE id = $1 ${lock ? "FOR UPDATE" : ""}`, [id]);
  if (!r) return null;
  const units = await sql.query<{ unit_id: number }>(`SELECT unit_id FROM researcher_unit WHERE researcher_id = $1 ORDER BY unit_id`, [id]);
  const primary = r.primary_unit_id === null ? null : Number(r.primary_unit_id);
  const links = (typeof r.links === "string" ? JSON.parse(r.links) : r.links) as { label?: unknown; url?: unknown }[] | null;
  return {
    id: Number(r.id),
    version: Number(r.version),
    updatedAt: (r.updated_at instanceof Date ? r.updated_at : new Date(String(r.updated_at))).toISOString(),
    photoKey: str(r.photo_key),
    slug: String(r.slug),
    displayName: String(r.display_name),
    familyName: str(r.family_name),
    givenName: str(r.given_name),
    nameVariants: (r.name_variants as string[] | null) ?? [],
    position: str(r.position),
    altPosition: str(r.alt_position),
    primaryUnitId: primary,
    unitIds: units.map((u) => Number(u.unit_id)).filter((u) => u !== primary),
    email: str(r.email),
    showEmail: Boolean(r.show_email),
    orcid: str(r.orcid),
    scopusId: str(r.scopus_id),
    researcherIdWos: str(r.researcher_id_wos),
    biography: str(r.biography),
    altBiography: str(r.alt_biography),
    researchInterests: (r.research_interests as string[] | null) ?? [],
    links: Array.isArray(links) ? links.filter((l) => typeof l?.url === "string").map((l) => ({ label: typeof l.label === "string" ? l.label : "", url: l.url as string })) : [],
  };
}

/** Unique columns and references checked before writing, so the refusal names the field. */
async function checkRules(sql: Sql, fields: TResearcherFields, id: number | null) {
  const [slugTaken] = await sql.query(`SELECT 1 FROM researcher WHERE slug = $1 AND id IS DISTINCT FROM $2`, [fields.slug, id]);
  if (slugTaken) throw new RecordRuleError("slug", "slugTaken");
  if (fields.orcid) {
    const [orcidTaken] = await sql.query(`SELECT 1 FROM researcher WHERE orcid = $1 AND id IS DISTINCT FROM $2`, [fields.orcid, id]);
    if (orcidTaken) throw new RecordRuleError("orcid", "orcidTaken");
  }
  const units = [...(fields.primaryUnitId ? [fields.primaryUnitId] : []), ...fields.unitIds];
  if (units.length) {
    const found = await sql.query(`SELECT id FROM unit WHERE id = ANY($1::int[])`, [units]);
    if (found.length !== new Set(units).size) throw new RecordRuleError(fields.primaryUnitId && !found.some((f) => Number((f as Row).id) === fields.primaryUnitId) ? "primaryUnitId" : "unitIds", "unknownUnit");
  }
}

const COLUMNS: [keyof TResearcherFields, string, string][] = [
  ["slug", "slug", ""],
  ["displayName", "display_name", ""],
  ["familyName", "family_name", ""],
  ["givenName", "given_name", ""],
  ["nameVariants", "name_variants", "::text[]"],
  ["position", "position", ""],
  ["altPosition", "alt_position", ""],
  ["primaryUnitId", "primary_unit_id", "::int"],
  ["email", "email", ""],
  ["showEmail", "show_email", "::boolean"],
  ["orcid", "orcid", ""],
  ["scopusId", "scopus_id", ""],
  ["researcherIdWos", "researcher_id_wos", ""],
  ["biography", "biography", ""],
  ["altBiography", "alt_biography", ""],
  ["researchInterests", "research_interests", "::text[]"],
  ["links", "links", "::jsonb"],
];

const values = (f: TResearcherFields) => COLUMNS.map(([k]) => (k === "links" ? (f.links.length ? JSON.stringify(f.links) : null) : f[k]));

async function writeUnits(tx: Sql, id: number, f: TResearcherFields) {
  const all = [...(f.primaryUnitId ? [f.primaryUnitId] : []), ...f.unitIds];
  await tx.query(`DELETE FROM researcher_unit WHERE researcher_id = $1 AND NOT (unit_id = ANY($2::int[]))`, [id, all]);
  for (const u of all) await tx.query(`INSERT INTO researcher_unit (researcher_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, u]);
}

export async function createResearcher(sql: Sql, fields: TResearcherFields, userId: number | null): Promise<EditableResearcher> {
  return sql.transaction(async (tx) => {
    await checkRules(tx, fields, null);
    const cols = COLUMNS.map(([, c]) => c);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO researcher (${cols.join(", ")}, version, updated_at) VALUES (${COLUMNS.map(([, , cast], i) => `$${i + 1}${cast}`).join(", ")}, 1, now()) RETURNING id`,
      values(fields),
    );
    const id = Number(row.id);
    await writeUnits(tx, id, fields);
    const created = (await loadEditableResearcher(tx, id))!;
    const snapshot = pickFields<EditableResearcher>(RESEARCHER_FIELDS, created);
    await writeAuditEntry(tx, { userId, action: "create", entityType: "researcher", entityId: id, version: 1, changes: diffFields<EditableResearcher>(RESEARCHER_FIELDS, {}, created), snapshot });
    return created;
  });
}

/** Saves the fields if the profile is still at `expectedVersion` (else RecordConflictError). */
export async function updateResearcher(sql: Sql, id: number, expectedVersion: number, fields: TResearcherFields, userId: number | null, options: SaveOptions = {}) {
  return saveVersioned<EditableResearcher>(sql, {
    table: "researcher",
    id,
    expectedVersion,
    userId,
    fields: RESEARCHER_FIELDS,
    load: loadEditableResearcher,
    ...options,
    write: async (tx, before) => {
      await checkRules(tx, fields, id);
      const sets = COLUMNS.map(([, c, cast], i) => `${c} = $${i + 2}${cast}`);
      await tx.query(`UPDATE researcher SET ${sets.join(", ")} WHERE id = $1`, [id, ...values(fields)]);
      await writeUnits(tx, id, fields);
      await rememberOldSlug(tx, "researcher", id, before.slug, fields.slug);
    },
  });
}

/** The upload was not a photo we accept. */
export class PhotoRefusal extends Error {
  constructor(
    readonly code: "tooLarge" | "notImage" | "empty",
    readonly status: 400 | 413 | 415,
  ) {
    super(code);
  }
}

/**
 * Replaces the researcher's photo with the uploaded bytes: streamed into staging (cut off past
 * `maxBytes`), typed from its content (JPEG, PNG or WebP — whatever the name or browser said),
 * then committed under its content key and recorded with an audit entry. A photo is not one of
 * the form's fields, so it does not bump the version (an open editor stays saveable).
 */
export async function setResearcherPhoto(
  sql: Sql,
  storage: Storage,
  input: { researcherId: number; body: AsyncIterable<Uint8Array>; maxBytes: number; userId: number | null },
): Promise<{ before: EditableResearcher; photoKey: string; contentType: string }> {
  const before = await loadEditableResearcher(sql, input.researcherId);
  if (!before) throw new RecordNotFoundError("researcher", input.researcherId);
  let staged;
  try {
    staged = await storage.stage(input.body, { maxBytes: input.maxBytes, headBytes: 4100 });
  } catch (err) {
    if ((err as { code?: string }).code === "TOO_LARGE") throw new PhotoRefusal("tooLarge", 413);
    throw err;
  }
  if (staged.size === 0) {
    await staged.discard();
    throw new PhotoRefusal("empty", 400);
  }
  const detected = await fileTypeFromBuffer(staged.head);
  if (!detected || !(PHOTO_TYPES as readonly string[]).includes(detected.mime)) {
    await staged.discard();
    throw new PhotoRefusal("notImage", 415);
  }
  const stored = await staged.commit();
  await sql.transaction(async (tx) => {
    const current = await loadEditableResearcher(tx, input.researcherId, true);
    if (!current) throw new RecordNotFoundError("researcher", input.researcherId);
    await tx.query(`UPDATE researcher SET photo_key = $2, updated_at = now() WHERE id = $1`, [input.researcherId, stored.key]);
    await writeAuditEntry(tx, {
      userId: input.userId,
      action: "photo",
      entityType: "researcher",
      entityId: input.researcherId,
      version: current.version,
      changes: { photoKey: { before: current.photoKey, after: stored.key } },
      summary: `photo ${detected.mime}, ${stored.size} bytes`,
    });
  });
  return { before, photoKey: stored.key, contentType: detected.mime };
}

/** Removes the photo from the profile (the stored bytes stay: another record may share them). */
export async function removeResearcherPhoto(sql: Sql, researcherId: number, userId: number | null): Promise<EditableResearcher> {
  return sql.transaction(async (tx) => {
    const current = await loadEditableResearcher(tx, researcherId, true);
    if (!current) throw new RecordNotFoundError("researcher", researcherId);
    if (current.photoKey) {
      await tx.query(`UPDATE researcher SET photo_key = NULL, updated_at = now() WHERE id = $1`, [researcherId]);
      await writeAuditEntry(tx, { userId, action: "photo", entityType: "researcher", entityId: researcherId, version: current.version, changes: { photoKey: { before: current.photoKey, after: null } }, summary: "photo removed" });
    }
    return current;
  });
}

export type ResearcherRow = { id: number; slug: string; displayName: string; position: string | null; unitName: string | null; unitId: number | null; orcid: string | null; hasPhoto: boolean };

/** The workspace list: name, variant, ORCID or slug contains `q`; newest first when no query. */
export async function listResearchers(sql: Sql, options: { q?: string; page: number; perPage: number }): Promise<{ rows: ResearcherRow[]; total: number }> {
  const term = (options.q ?? "").trim().toLowerCase();
  const like = `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const where = term ? `WHERE lower(r.display_name) LIKE $1 OR r.slug LIKE $1 OR r.orcid = $2 OR EXISTS (SELECT 1 FROM unnest(r.name_variants) v WHERE lower(v) LIKE $1)` : `WHERE $1::text IS NOT NULL AND $2::text IS NOT NULL`;
  const params = [like, term];
  const [count] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM researcher r ${where}`, params);
  const rows = await sql.query<Row>(
    `SELECT r.id, r.slug, r.display_name, r.position, r.orcid, r.photo_key IS NOT NULL AS has_photo, u.id AS unit_id, u.name AS unit_name
       FROM researcher r LEFT JOIN unit u ON u.id = r.primary_unit_id ${where}
      ORDER BY r.display_name, r.id LIMIT $3 OFFSET $4`,
    [...params, options.perPage, (options.page - 1) * options.perPage],
  );
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({ id: Number(r.id), slug: String(r.slug), displayName: String(r.display_name), position: str(r.position), unitName: str(r.unit_name), unitId: r.unit_id === null ? null : Number(r.unit_id), orcid: str(r.orcid), hasPhoto: Boolean(r.has_photo) })),
  };
}
