// What the editor's server actions and pages call: the permission targets of items and
// collections (unit paths), the collections a user may use, and cache invalidation after a write.
import "server-only";
import { cacheTags, invalidate } from "../../cache";
import { getSql } from "../../db";
import type { GuardUser } from "../../auth/guard";
import { canCreateItemIn, type ItemTarget } from "../../auth/permissions";
import { loadUnitPath } from "../../auth/users";
import { listItemFileHistory } from "../files/files";
import { loadCollectionUnitPath, loadItemTarget, userCoversCollections } from "./targets";
import type { z } from "zod";
import type { TItemFields, ZChangeStatus } from "./schema";
import {
  changeItemStatus,
  createItem,
  getItemVersion,
  listCollections,
  listItemHistory,
  loadEditableItem,
  restoreItemVersion,
  suggestResearchers,
  updateItem,
  type EditableItem,
} from "./store";

/** The permission target of an item (owning unit path, linked researchers), or null when unknown. */
export async function getItemTarget(id: number): Promise<ItemTarget | null> {
  return loadItemTarget(await getSql(), id);
}

/** The unit path of a collection's unit (empty for an unknown collection: no one but nobody covers it). */
export async function getCollectionUnitPath(collectionId: number): Promise<number[]> {
  return loadCollectionUnitPath(await getSql(), collectionId);
}

export type CollectionChoice = { id: number; label: string; unitLabel: string; mayUse: boolean };

/** Every collection, marked with whether the user may put items in it. */
export async function getCollectionChoices(user: GuardUser): Promise<CollectionChoice[]> {
  const sql = await getSql();
  const collections = await listCollections(sql);
  const paths = new Map<number, number[]>();
  for (const c of collections) if (!paths.has(c.unitId)) paths.set(c.unitId, await loadUnitPath(sql, c.unitId));
  return collections.map((c) => ({
    id: c.id,
    label: c.name,
    unitLabel: c.unitName,
    mayUse: canCreateItemIn(user, { path: paths.get(c.unitId) ?? [] }),
  }));
}

/** Whether the user covers the unit of every one of these collections. */
export async function coversCollections(user: GuardUser, ids: number[]): Promise<boolean> {
  return userCoversCollections(await getSql(), user, ids);
}

export async function getEditableItem(id: number): Promise<EditableItem | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  return loadEditableItem(await getSql(), id);
}

/** Public pages that show the item, its researchers, collections and units are rebuilt on their next visit. */
export function invalidateItem(...versions: (Pick<EditableItem, "handle" | "researcherSlugs"> | null | undefined)[]) {
  const tags = new Set<string>([cacheTags.site, cacheTags.units]);
  for (const v of versions) {
    if (!v) continue;
    tags.add(cacheTags.item(v.handle));
    for (const slug of v.researcherSlugs) tags.add(cacheTags.researcher(slug));
  }
  invalidate(...tags);
}

/** Display names of researchers, for contributor rows linked to a profile. */
export async function getResearcherNames(ids: number[]): Promise<Record<number, string>> {
  if (ids.length === 0) return {};
  const rows = await (await getSql()).query<{ id: number; display_name: string }>(`SELECT id, display_name FROM researcher WHERE id = ANY($1::int[])`, [ids]);
  return Object.fromEntries(rows.map((r) => [Number(r.id), r.display_name]));
}

/** The item's history, for its history page: its own versions and its files' changes, newest first. */
export async function getItemHistory(id: number) {
  const sql = await getSql();
  const [versions, files] = [await listItemHistory(sql, id), await listItemFileHistory(sql, id)];
  const entries = [
    ...versions.map((e) => ({ ...e, fileName: null as string | null, fileId: null as number | null })),
    ...files.map((e) => ({ ...e, version: null, restorable: false })),
  ];
  // Newest first; entries of the same moment by their audit id.
  return entries.sort((a, b) => b.at.localeCompare(a.at) || Number(BigInt(b.id) - BigInt(a.id)));
}

/** The item as it was at an earlier version (for the preview of a version). */
export async function getItemAtVersion(id: number, version: number) {
  return getItemVersion(await getSql(), id, version);
}

/** The editor's writes on the application's database (the store's errors pass through). */
export async function createItemFor(user: GuardUser, fields: TItemFields) {
  return createItem(await getSql(), fields, user.id);
}
export async function updateItemFor(user: GuardUser, id: number, expectedVersion: number, fields: TItemFields) {
  return updateItem(await getSql(), id, expectedVersion, fields, user.id);
}
export async function changeItemStatusFor(user: GuardUser, input: z.infer<typeof ZChangeStatus>) {
  return changeItemStatus(await getSql(), input.id, input.version, input.status, input.reason, user.id);
}
export async function restoreItemVersionFor(user: GuardUser, id: number, expectedVersion: number, version: number) {
  return restoreItemVersion(await getSql(), id, expectedVersion, version, user.id);
}

/** Researchers whose name matches, for the contributor typeahead (nothing under two characters). */
export async function getResearcherSuggestions(q: string) {
  return q.trim().length >= 2 ? suggestResearchers(await getSql(), q) : [];
}
