// Test data for the import tests: a unit, two collections, the handle prefix, researchers whose
// names and ORCIDs the real-world files and the CSV tests refer to, and one existing item.
import path from "node:path";
import type { Sql } from "../db/connection";

export const REALWORLD_DIR = path.join(process.cwd(), "test", "realworld");
export const PREFIX = "20.500.99999";

export async function loadImportFixture(sql: Sql) {
  await sql.exec(`
    INSERT INTO site_setting (key, value, updated_at) VALUES ('handlePrefix', '"${PREFIX}"', now());
    INSERT INTO handle_sequence (prefix, next_number) VALUES ('${PREFIX}', 500);
    INSERT INTO unit (id, slug, name, updated_at) VALUES (1, 'institute', 'Institute', now());
    INSERT INTO collection (id, slug, unit_id, name, updated_at) VALUES
      (1, 'articles', 1, 'Journal Articles', now()),
      (2, 'other', 1, 'Other Outputs', now());
    INSERT INTO researcher (id, slug, display_name, family_name, given_name, name_variants, orcid, updated_at) VALUES
      (1, 'koo-ja-wook', 'Koo, Ja Wook', 'Koo', 'Ja Wook', '{구자욱,"Ja Wook Koo","Koo, J.W.","Koo, JW"}', '0000-0002-1825-0097', now()),
      (2, 'lin-chia-wei', 'Lin, Chia-Wei', 'Lin', 'Chia-Wei', '{}', NULL, now()),
      (3, 'kim-jeongseop', 'Kim, Jeongseop', 'Kim', 'Jeongseop', '{김정섭}', NULL, now()),
      (4, 'kim-jiyoung', 'Kim, Jiyoung', 'Kim', 'Jiyoung', '{김지영}', NULL, now()),
      (5, 'elsenbruch-sigrid', 'Elsenbruch, Sigrid', 'Elsenbruch', 'Sigrid', '{"Elsenbruch, S."}', '0000-0001-9999-9995', now()),
      (6, 'kreutzer-sebastian', 'Kreutzer, Sebastian', 'Kreutzer', 'Sebastian', '{}', '0000-0002-0734-2199', now());
    INSERT INTO item (id, handle, type, status, title, issue_date, issue_year, doi, collection_id, updated_at) VALUES
      (1, '${PREFIX}/1', 'JOURNAL_ARTICLE', 'PUBLISHED', 'Existing article on glutamate', '2020', 2020, '10.5555/existing.1', 1, now()),
      (2, '${PREFIX}/2', 'JOURNAL_ARTICLE', 'PUBLISHED', 'Holding Yourself Captive: Perceptions of Custody During Interviews and Interrogations', '2018', 2018, NULL, 1, now());
    SELECT setval(pg_get_serial_sequence('item', 'id'), 100);
    SELECT setval(pg_get_serial_sequence('researcher', 'id'), 100);
    SELECT setval(pg_get_serial_sequence('collection', 'id'), 100);
    SELECT setval(pg_get_serial_sequence('unit', 'id'), 100);
  `);
}

export async function countRows(sql: Sql) {
  const [row] = await sql.query<{ items: string; contributors: string; audit: string; next: number }>(
    `SELECT (SELECT count(*) FROM item) AS items, (SELECT count(*) FROM contributor) AS contributors,
            (SELECT count(*) FROM audit_entry) AS audit, (SELECT next_number FROM handle_sequence WHERE prefix = $1) AS next`,
    [PREFIX],
  );
  return { items: Number(row.items), contributors: Number(row.contributors), audit: Number(row.audit), next: Number(row.next) };
}
