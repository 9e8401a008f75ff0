// Records for e2e/curate-researcher.spec.ts, written before the server starts: a researcher with
// an account of their own and one published item in the unit the e2e curator looks after, so the
// researcher can propose a correction and that curator can accept it.
import { createUser } from "../lib/auth/users";
import type { Sql } from "../lib/db/connection";

export const RESEARCH_E2E = {
  account: { email: "e2e-author@test.invalid", password: "e2e-only password, not for real use", name: "E2E Author" },
  slug: "e2e-park-author",
  displayName: "Park, Author",
  item: { handle: "e2e.test/researcher-1", title: "Sleep spindles and memory consolidation in aged mice" },
} as const;

export async function insertResearchE2eRecords(sql: Sql, collectionId: number): Promise<void> {
  const r = RESEARCH_E2E;
  const [unit] = await sql.query<{ unit_id: number }>(`SELECT unit_id FROM collection WHERE id = $1`, [collectionId]);
  const [researcher] = await sql.query<{ id: number }>(
    `INSERT INTO researcher (slug, display_name, primary_unit_id, email, updated_at) VALUES ($1, $2, $3, 'park.author@test.invalid', now()) RETURNING id`,
    [r.slug, r.displayName, unit.unit_id],
  );
  const [item] = await sql.query<{ id: number }>(
    `INSERT INTO item (handle, type, status, title, issue_date, issue_year, journal_title, collection_id, published_at, updated_at)
     VALUES ($1, 'JOURNAL_ARTICLE', 'PUBLISHED', $2, '2024-03', 2024, 'Journal of Test Records', $3, now() - interval '100 days', now()) RETURNING id`,
    [r.item.handle, r.item.title, collectionId],
  );
  await sql.query(`INSERT INTO contributor (item_id, position, name, researcher_id) VALUES ($1, 0, $2, $3)`, [item.id, r.displayName, researcher.id]);
  await createUser(sql, { ...r.account, role: "RESEARCHER", researcherId: Number(researcher.id) });
}
