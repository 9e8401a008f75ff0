// "My research": what a signed-in researcher sees of their own record — their items (any status)
// with the key metadata they lack, and the few profile fields they edit themselves (biography,
// research interests, whether the email is shown, position). Plain SQL over the Sql interface;
// the usage figures come from lib/stats/query (the same numbers as the public dashboards).
import { z } from "zod";
import { writeAudit } from "../auth/users";
import type { Sql } from "../db/connection";
import { getUsageStatistics, type UsageStatistics } from "../stats/query";

/** Control characters other than line feed and tab. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
    .refine((v) => !CONTROL.test(v), { message: "controlChars" })
    .refine((v) => [...v].length <= max, { message: "tooLong" })
    .transform((v) => (v === "" ? null : v));

/** The researcher's own profile form. `version` is the profile's version when the form was opened. */
export const ZOwnProfile = z.object({
  version: z.coerce.number().int().positive(),
  biography: text(20_000),
  position: text(300),
  researchInterests: z
    .string()
    .optional()
    .transform((v) => [...new Set((v ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean))])
    .refine((list) => list.every((s) => !CONTROL.test(s)), { message: "controlChars" })
    .refine((list) => list.every((s) => [...s].length <= 300), { message: "tooLong" })
    .refine((list) => list.length <= 50, { message: "tooMany" }),
  // A checkbox: present ("on") when ticked.
  showEmail: z
    .union([z.literal("on"), z.literal("true"), z.literal("false")])
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type TOwnProfile = z.infer<typeof ZOwnProfile>;

export type OwnProfile = {
  id: number;
  slug: string;
  displayName: string;
  email: string | null;
  biography: string | null;
  position: string | null;
  researchInterests: string[];
  showEmail: boolean;
  version: number;
};

export class ProfileConflictError extends Error {
  constructor(readonly current: OwnProfile) {
    super("The profile was changed since it was opened.");
  }
}

type ProfileRow = { id: number; slug: string; display_name: string; email: string | null; biography: string | null; position: string | null; research_interests: string[] | null; show_email: boolean; version: number };

const toProfile = (r: ProfileRow): OwnProfile => ({
  id: Number(r.id),
  slug: r.slug,
  displayName: r.display_name,
  email: r.email,
  biography: r.biography,
  position: r.position,
  researchInterests: r.research_interests ?? [],
  showEmail: Boolean(r.show_email),
  version: Number(r.version),
});

export async function getOwnProfile(sql: Sql, researcherId: number, lock = false): Promise<OwnProfile | null> {
  const [row] = await sql.query<ProfileRow>(
    `SELECT id, slug, display_name, email, biography, position, research_interests, show_email, version FROM researcher WHERE id = $1 ${lock ? "FOR UPDATE" : ""}`,
    [researcherId],
  );
  return row ? toProfile(row) : null;
}

const EDITABLE: (keyof TOwnProfile & keyof OwnProfile)[] = ["biography", "position", "researchInterests", "showEmail"];

/** Saves the researcher's own fields if the profile is still at `input.version`; audited with before/after. */
export async function updateOwnProfile(sql: Sql, researcherId: number, input: TOwnProfile, userId: number): Promise<{ before: OwnProfile; after: OwnProfile }> {
  return sql.transaction(async (tx) => {
    const before = await getOwnProfile(tx, researcherId, true);
    if (!before) throw new Error(`No researcher ${researcherId}.`);
    if (before.version !== input.version) throw new ProfileConflictError(before);
    await tx.query(
      `UPDATE researcher SET biography = $2, position = $3, research_interests = $4::text[], show_email = $5, version = version + 1, updated_at = now() WHERE id = $1`,
      [researcherId, input.biography, input.position, input.researchInterests, input.showEmail],
    );
    const after = (await getOwnProfile(tx, researcherId))!;
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const k of EDITABLE) if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) changes[k] = { before: before[k], after: after[k] };
    await writeAudit(tx, { userId, action: "update", entityType: "researcher", entityId: researcherId, changes, summary: "profile edited by the researcher" });
    return { before, after };
  });
}

export type ResearchItem = {
  id: number;
  handle: string;
  title: string;
  status: string;
  issueYear: number | null;
  missing: { doi: boolean; abstract: boolean; file: boolean };
  openCorrections: number;
};

/** The researcher's items (every status), newest first, with what key metadata each lacks. */
export async function listResearchItems(sql: Sql, researcherId: number, limit = 200): Promise<ResearchItem[]> {
  const rows = await sql.query<{ id: number; handle: string; title: string; status: string; issue_year: number | null; no_doi: boolean; no_abstract: boolean; no_file: boolean; open_corrections: number }>(
    `SELECT i.id, i.handle, i.title, i.status::text AS status, i.issue_year,
            i.doi IS NULL AS no_doi, (i.abstract IS NULL OR i.abstract = '') AS no_abstract,
            NOT EXISTS (SELECT 1 FROM file f WHERE f.item_id = i.id) AS no_file,
            (SELECT count(*)::int FROM correction_request r WHERE r.item_id = i.id AND r.status = 'OPEN') AS open_corrections
       FROM item i
      WHERE i.id IN (SELECT item_id FROM contributor WHERE researcher_id = $1)
      ORDER BY i.issue_year DESC NULLS LAST, i.id DESC LIMIT $2`,
    [researcherId, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    handle: r.handle,
    title: r.title,
    status: r.status,
    issueYear: r.issue_year === null ? null : Number(r.issue_year),
    missing: { doi: r.no_doi, abstract: r.no_abstract, file: r.no_file },
    openCorrections: Number(r.open_corrections),
  }));
}

/** Usage of the researcher's items: the last 30 days and all time, by month (UTC). */
export async function getResearchUsage(sql: Sql, researcherId: number, slug: string, today: string): Promise<{ last30: UsageStatistics; allTime: UsageStatistics }> {
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 29);
  const ref = { kind: "RESEARCHER" as const, id: researcherId };
  const scope = `researcher:${slug}`;
  const last30 = await getUsageStatistics(sql, scope, ref, { from: from.toISOString().slice(0, 10), to: today, granularity: "month", tz: "UTC" });
  const allTime = await getUsageStatistics(sql, scope, ref, { from: null, to: today, granularity: "month", tz: "UTC" });
  return { last30, allTime };
}
