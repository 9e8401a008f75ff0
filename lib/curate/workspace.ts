// What the workspace pages read, for the signed-in user (server-only; pages call these and never
// the database). Not cached: every answer depends on the session.
import "server-only";
import { assignUserUnits, changeUserRole, listUnitsForPicker, listUsers, setUserActive, signOutEverywhere } from "../auth/admin-users";
import type { Role } from "../auth/permissions";
import { allUnitsExist, createUser, type NewUser } from "../auth/users";
import type { GuardUser } from "../auth/guard";
import { createApiToken, expiryFrom, listApiTokens, revokeApiToken, type TCreateToken } from "../auth/tokens";
import { getSql } from "../db";
import { getCuratorDashboard } from "./dashboard";

export type UnitName = { id: number; name: string; altName: string | null; altLang: string | null };

export async function getUnitNames(ids: readonly number[]): Promise<UnitName[]> {
  if (ids.length === 0) return [];
  const rows = await (await getSql()).query<{ id: number; name: string; alt_name: string | null; alt_lang: string | null }>(
    `SELECT id, name, alt_name, alt_lang FROM unit WHERE id = ANY($1::int[]) ORDER BY name`,
    [[...ids]],
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, altName: r.alt_name, altLang: r.alt_lang }));
}

export async function getDashboardFor(user: GuardUser) {
  const sql = await getSql();
  const all = user.role === "ADMIN";
  const [dashboard, units] = [await getCuratorDashboard(sql, all ? { all: true } : { all: false, unitIds: user.unitIds }), all ? [] : await getUnitNames(user.unitIds)];
  return { dashboard, units, all };
}

export async function getMyAccount(user: GuardUser) {
  const sql = await getSql();
  const [researcher] = user.researcherId
    ? await sql.query<{ slug: string; display_name: string; orcid: string | null }>(`SELECT slug, display_name, orcid FROM researcher WHERE id = $1`, [user.researcherId])
    : [];
  return {
    units: await getUnitNames(user.unitIds),
    researcher: researcher ? { slug: researcher.slug, displayName: researcher.display_name, orcid: researcher.orcid } : null,
  };
}

export async function getUserAdministration() {
  const sql = await getSql();
  return { users: await listUsers(sql), units: await listUnitsForPicker(sql) };
}

/** The signed-in user's personal API tokens (never their secrets: only hashes are stored). */
export async function getMyApiTokens(user: GuardUser) {
  return listApiTokens(await getSql(), user.id);
}

/** A new token for the signed-in user; the secret is returned once, to be shown once. */
export async function createMyApiToken(user: GuardUser, input: TCreateToken) {
  return createApiToken(await getSql(), user.id, { name: input.name, expiresAt: expiryFrom(input.expiresInDays) });
}

export async function revokeMyApiToken(user: GuardUser, tokenId: number): Promise<boolean> {
  return revokeApiToken(await getSql(), user.id, tokenId);
}

/** The administrator's account changes (each writes its audit entry; its refusals pass through). */
export const userAdministration = {
  unitsExist: async (ids: number[]) => allUnitsExist(await getSql(), ids),
  create: async (actor: GuardUser, input: Omit<NewUser, "actorId">) => createUser(await getSql(), { ...input, actorId: actor.id }),
  changeRole: async (actor: GuardUser, userId: number, role: Role) => changeUserRole(await getSql(), actor.id, userId, role),
  assignUnits: async (actor: GuardUser, userId: number, unitIds: number[]) => assignUserUnits(await getSql(), actor.id, userId, unitIds),
  setActive: async (actor: GuardUser, userId: number, active: boolean) => setUserActive(await getSql(), actor.id, userId, active),
  signOutEverywhere: async (actor: GuardUser, userId: number) => signOutEverywhere(await getSql(), actor.id, userId),
};

/** Ends every session of the signed-in account. */
export async function signOutMyAccountEverywhere(user: GuardUser): Promise<void> {
  await signOutEverywhere(await getSql(), user.id, user.id);
}
