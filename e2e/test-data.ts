// Records the end-to-end tests need beyond the demonstration data, written by scripts/e2e.ts
// before the server starts (the embedded database admits one process at a time).
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Sql } from "../lib/db/connection";
import { insertAuthE2eRecords } from "./auth-data";
import { insertResearchE2eRecords } from "./research-data";
import type { Storage } from "../lib/storage";

export const E2E = {
  withdrawn: { handle: "e2e.test/withdrawn", title: "A withdrawn study of hippocampal replay", reason: "Duplicate publication of 2023.sw.kbri/1191." },
  draft: { handle: "e2e.test/draft", title: "An unfinished draft that the public must not see" },
  withFiles: {
    handle: "e2e.test/files",
    title: "Open and embargoed files of a test record",
    openFile: "open-article.pdf",
    embargoedFile: "embargoed-data.pdf",
    embargoUntil: "2099-01-01",
  },
} as const;

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Inserts the records and returns their ids by key of E2E. */
export async function insertE2eRecords(sql: Sql, storage: Storage): Promise<Record<keyof typeof E2E, number>> {
  const [{ id: collectionId }] = await sql.query<{ id: number }>(
    `SELECT c.id FROM item i JOIN collection c ON c.id = i.collection_id WHERE i.handle = '2023.sw.kbri/1191'`,
  );
  const insertItem = async (handle: string, title: string, status: string, extra: { reason?: string } = {}) => {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO item (handle, type, status, title, issue_date, issue_year, journal_title, collection_id, published_at,
                         withdrawn_reason, withdrawn_at, updated_at)
       VALUES ($1, 'JOURNAL_ARTICLE', $2::item_status, $3, '2024-05', 2024, 'Journal of Test Records', $4,
               CASE WHEN $2 IN ('PUBLISHED', 'WITHDRAWN') THEN now() - interval '400 days' END,
               $5, CASE WHEN $2 = 'WITHDRAWN' THEN now() - interval '30 days' END, now())
       RETURNING id`,
      [handle, status, title, collectionId, extra.reason ?? null],
    );
    await sql.query(`INSERT INTO contributor (item_id, position, name) VALUES ($1, 0, 'Tester, Erin'), ($1, 1, 'Probe, Sam')`, [row.id]);
    return row.id;
  };
  const withdrawn = await insertItem(E2E.withdrawn.handle, E2E.withdrawn.title, "WITHDRAWN", { reason: E2E.withdrawn.reason });
  const draft = await insertItem(E2E.draft.handle, E2E.draft.title, "DRAFT");
  const itemId = await insertItem(E2E.withFiles.handle, E2E.withFiles.title, "PUBLISHED");
  for (const [position, name, access, until] of [
    [0, E2E.withFiles.openFile, "OPEN", null],
    [1, E2E.withFiles.embargoedFile, "EMBARGOED", E2E.withFiles.embargoUntil],
  ] as const) {
    const stored = await storage.put(await pdf(`${name} — Atrium end-to-end test file`));
    await sql.query(
      `INSERT INTO file (item_id, position, file_name, mime_type, size, sha256, storage_key, access, embargo_until, updated_at)
       VALUES ($1, $2, $3, 'application/pdf', $4, $5, $6, $7::file_access, $8::date, now())`,
      [itemId, position, name, stored.size, stored.sha256, stored.key, access, until],
    );
  }
  // A researcher the Scopus RIS file of test/realworld names ("Elsenbruch, S."): e2e/curate-import.spec.ts
  // sees the import match them and unticks the match.
  await sql.query(
    `INSERT INTO researcher (slug, display_name, family_name, given_name, name_variants, primary_unit_id, updated_at)
     SELECT 'elsenbruch-sigrid', 'Elsenbruch, Sigrid', 'Elsenbruch', 'Sigrid', '{"Elsenbruch, S."}', unit_id, now()
       FROM collection WHERE id = $1`,
    [collectionId],
  );
  await insertAuthE2eRecords(sql);
  await insertResearchE2eRecords(sql, collectionId);
  return { withdrawn, draft, withFiles: itemId };
}

/** Where scripts/e2e.ts leaves the ids for the specs. */
export function recordIdsFile(dataDir: string) {
  return `${dataDir}/e2e-records.json`;
}
