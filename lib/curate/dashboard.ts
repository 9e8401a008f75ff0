// The curator dashboard's lists, scoped to the units a user covers (administrators: everything):
// drafts and items in review, recent changes from the audit log, items missing key metadata,
// and suspected duplicates (same DOI, or same normalised title and year). Read-only.
import type { Sql } from "../db/connection";

export type DashboardScope = { all: true } | { all: false; unitIds: readonly number[] };

export type DashboardItem = { id: number; handle: string; title: string; status: string; issueYear: number | null; updatedAt: string };
export type DashboardChange = { id: string; at: string; action: string; entityType: string; entityId: number; userName: string | null; title: string | null; handle: string | null; summary: string | null };
export type DuplicateGroup = { reason: "doi" | "title"; key: string; items: { id: number; handle: string; title: string; status: string }[] };

export type CuratorDashboard = {
  counts: { drafts: number; inReview: number; noDoi: number; noAbstract: number; noFile: number };
  workflow: DashboardItem[];
  changes: DashboardChange[];
  missing: { noDoi: DashboardItem[]; noAbstract: DashboardItem[]; noFile: DashboardItem[] };
  duplicates: DuplicateGroup[];
};

const LIST = 10;
const MISSING_LIST = 5;

/** Items owned by collections of the covered units ($1: unit ids, or null for all). */
const SCOPED_ITEMS = `
  WITH RECURSIVE scope(id) AS (
    SELECT id FROM unit WHERE $1::int[] IS NULL OR id = ANY($1::int[])
    UNION SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id
  ),
  scoped AS (
    SELECT i.* FROM item i JOIN collection c ON c.id = i.collection_id WHERE c.unit_id IN (SELECT id FROM scope)
  )`;

type ItemRow = { id: number; handle: string; title: string; status: string; issue_year: number | null; updated_at: Date | string };
const toItem = (r: ItemRow): DashboardItem => ({
  id: Number(r.id),
  handle: r.handle,
  title: r.title,
  status: r.status,
  issueYear: r.issue_year === null ? null : Number(r.issue_year),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function getCuratorDashboard(sql: Sql, scope: DashboardScope): Promise<CuratorDashboard> {
  const unitParam = scope.all ? null : [...scope.unitIds];
  if (!scope.all && scope.unitIds.length === 0) {
    return { counts: { drafts: 0, inReview: 0, noDoi: 0, noAbstract: 0, noFile: 0 }, workflow: [], changes: [], missing: { noDoi: [], noAbstract: [], noFile: [] }, duplicates: [] };
  }
  const [counts] = await sql.query<Record<string, number | string>>(
    `${SCOPED_ITEMS}
     SELECT count(*) FILTER (WHERE status = 'DRAFT') AS drafts,
            count(*) FILTER (WHERE status = 'IN_REVIEW') AS in_review,
            count(*) FILTER (WHERE status = 'PUBLISHED' AND coalesce(doi, '') = '') AS no_doi,
            count(*) FILTER (WHERE status = 'PUBLISHED' AND coalesce(abstract, '') = '') AS no_abstract,
            count(*) FILTER (WHERE status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM file f WHERE f.item_id = scoped.id)) AS no_file
     FROM scoped`,
    [unitParam],
  );
  const list = (where: string, order = "updated_at DESC, id DESC", limit = LIST) =>
    sql.query<ItemRow>(
      `${SCOPED_ITEMS} SELECT id, handle, title, status::text AS status, issue_year, updated_at FROM scoped WHERE ${where} ORDER BY ${order} LIMIT ${limit}`,
      [unitParam],
    );
  const [workflow, noDoi, noAbstract, noFile] = [
    await list(`status IN ('DRAFT', 'IN_REVIEW')`, "status DESC, updated_at DESC, id DESC"),
    await list(`status = 'PUBLISHED' AND coalesce(doi, '') = ''`, undefined, MISSING_LIST),
    await list(`status = 'PUBLISHED' AND coalesce(abstract, '') = ''`, undefined, MISSING_LIST),
    await list(`status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM file f WHERE f.item_id = scoped.id)`, undefined, MISSING_LIST),
  ];
  const changes = await sql.query<{
    id: string;
    at: Date | string;
    action: string;
    entity_type: string;
    entity_id: number;
    user_name: string | null;
    title: string | null;
    handle: string | null;
    summary: string | null;
  }>(
    `${SCOPED_ITEMS}
     SELECT a.id::text AS id, a.at, a.action, a.entity_type, a.entity_id, u.name AS user_name, coalesce(s.title, target.name) AS title, s.handle, a.summary
     FROM audit_entry a LEFT JOIN app_user u ON u.id = a.user_id
     LEFT JOIN scoped s ON a.entity_type = 'item' AND s.id = a.entity_id
     LEFT JOIN app_user target ON a.entity_type = 'user' AND target.id = a.entity_id
     WHERE ($1::int[] IS NULL OR s.id IS NOT NULL)
     ORDER BY a.at DESC, a.id DESC LIMIT 15`,
    [unitParam],
  );
  const duplicates = await sql.query<{ reason: "doi" | "title"; key: string; items: DuplicateGroup["items"] }>(
    `${SCOPED_ITEMS},
     candidates AS (
       SELECT 'doi' AS reason, lower(trim(doi)) AS key, id, handle, title, status::text AS status FROM scoped
       WHERE coalesce(trim(doi), '') <> '' AND status <> 'WITHDRAWN'
       UNION ALL
       SELECT 'title', regexp_replace(lower(title), '[^[:alnum:]]+', '', 'g') || ' · ' || issue_year, id, handle, title, status::text FROM scoped
       WHERE issue_year IS NOT NULL AND status <> 'WITHDRAWN'
     )
     SELECT reason, key, json_agg(json_build_object('id', id, 'handle', handle, 'title', title, 'status', status) ORDER BY id) AS items
     FROM candidates GROUP BY reason, key HAVING count(*) > 1
     ORDER BY reason, key LIMIT 20`,
    [unitParam],
  );
  return {
    counts: {
      drafts: Number(counts.drafts),
      inReview: Number(counts.in_review),
      noDoi: Number(counts.no_doi),
      noAbstract: Number(counts.no_abstract),
      noFile: Number(counts.no_file),
    },
    workflow: workflow.map(toItem),
    changes: changes.map((c) => ({
      id: c.id,
      at: new Date(c.at).toISOString(),
      action: c.action,
      entityType: c.entity_type,
      entityId: Number(c.entity_id),
      userName: c.user_name,
      title: c.title,
      handle: c.handle,
      summary: c.summary,
    })),
    missing: { noDoi: noDoi.map(toItem), noAbstract: noAbstract.map(toItem), noFile: noFile.map(toItem) },
    duplicates: duplicates.map((d) => ({ reason: d.reason, key: d.key, items: d.items })),
  };
}
