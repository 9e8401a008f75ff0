// Which workspace page a signed-in user may open, decided from the path before the page renders.
// proxy.ts asks this so that a refusal answers a real 403: the pages stream (every one reads the
// session inside <Suspense>), and a forbidden() thrown there comes after the status is sent. The
// pages and their actions still run their own checks — this is the early answer, not the boundary.
import "server-only";
import { canManageUsers, canRequestCorrection, canViewCuratorDashboard, canEditItem, type PermissionUser } from "../auth/permissions";
import { sessionClaimsFromCookies } from "../auth/session";
import { getSql } from "../db";
import type { Sql } from "../db/connection";
import { parseRecordId } from "./fields";
import { loadItemTarget } from "./items/targets";
import { mayEditResearcher } from "./researchers/access";
import { mayEditCollection, mayEditUnit } from "./units/access";

type Rule = (sql: Sql, user: PermissionUser, id: number) => Promise<boolean | null>;

const always = (check: (user: PermissionUser) => boolean): Rule => async (_sql, user) => check(user);
const item = (check: typeof canEditItem): Rule => async (sql, user, id) => {
  const target = await loadItemTarget(sql, id);
  // An unknown item is the page's to answer (404).
  return target ? check(user, target) : null;
};
const record = (table: "researcher" | "unit" | "collection", may: (sql: Sql, user: PermissionUser, input: { id: number }) => Promise<boolean>): Rule => async (sql, user, id) => {
  const [row] = await sql.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return row ? may(sql, user, { id }) : null;
};

/** Paths below /curate (":id" is a record id), each with its rule; the pages check the same. */
const RULES: [RegExp, Rule][] = [
  [/^\/admin\/users$/, always(canManageUsers)],
  [/^\/(units|researchers|collections)(\/new)?$/, always(canViewCuratorDashboard)],
  [/^\/imports(?:\/[A-Za-z0-9_-]{1,40}(?:\/report)?)?$/, always((u) => u.role !== "RESEARCHER")],
  [/^\/items\/(\d+)(\/(history|files|preview))?$/, item(canEditItem)],
  [/^\/me\/items\/(\d+)\/correction$/, item(canRequestCorrection)],
  [/^\/researchers\/(\d+)(\/history)?$/, record("researcher", mayEditResearcher)],
  [/^\/units\/(\d+)(\/history)?$/, record("unit", mayEditUnit)],
  [/^\/collections\/(\d+)(\/history)?$/, record("collection", mayEditCollection)],
];

const WORKSPACE_PATH = /^(?:\/(?:en|ko))?\/curate(\/.*?)?\/?$/;

/**
 * false when the user may not open the workspace page at `pathname`; true when they may; null
 * when this path has no rule here (or names an unknown record): the page decides.
 */
export async function mayOpenWorkspacePage(sql: Sql, user: PermissionUser, pathname: string): Promise<boolean | null> {
  const found = findRule(pathname);
  return found ? found.rule(sql, user, found.id) : null;
}

/** The rule of a workspace path and the record id it names (0 for none), or null. */
function findRule(pathname: string): { rule: Rule; id: number } | null {
  const inner = WORKSPACE_PATH.exec(pathname)?.[1];
  if (inner === undefined) return null;
  for (const [pattern, rule] of RULES) {
    const match = pattern.exec(inner);
    if (!match) continue;
    const id = match[1] && /^\d+$/.test(match[1]) ? parseRecordId(match[1]) : 0;
    return id === null ? null : { rule, id };
  }
  return null;
}

/** Whether the signed-in user of these cookies is refused the workspace page (false when nobody is signed in). */
export async function isWorkspacePageRefused(pathname: string, cookieHeader: string | null): Promise<boolean> {
  // Pages without a rule here (the dashboard, one's own account) cost nothing.
  if (!findRule(pathname)) return false;
  const user = await sessionClaimsFromCookies(cookieHeader);
  if (!user) return false;
  return (await mayOpenWorkspacePage(await getSql(), user, pathname)) === false;
}
