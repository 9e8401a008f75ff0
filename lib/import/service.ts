// What the workspace's import screens call: the stored-plan functions of ./store.ts on the
// application's database, the collections a user may import into, and cache invalidation after
// a real run.
import "server-only";
import { getSql } from "../db";
import type { GuardUser } from "../auth/guard";
import { getCollectionChoices } from "../curate/items/service";
import { invalidateAfterImport } from "./invalidate";
import {
  commitStoredImport,
  getImport,
  getImportPage,
  getImportSummary,
  listImports,
  mayImportInto,
  setMatchChoices,
  startImport,
  type StartImportInput,
} from "./store";

export { ImportRefusal, PLAN_TTL_MS, type ImportPage, type StoredImport } from "./store";

/** Collections the user may import into (those of the units they curate; every one for an administrator). */
export async function getImportCollections(user: GuardUser) {
  return (await getCollectionChoices(user)).filter((c) => c.mayUse);
}

export async function mayImportIntoCollection(user: GuardUser, collectionId: number) {
  return mayImportInto(await getSql(), user, collectionId);
}

export async function runDryImport(user: GuardUser, input: StartImportInput) {
  return startImport(await getSql(), user, input);
}

export async function getStoredImport(user: GuardUser, id: string) {
  return getImport(await getSql(), user, id);
}

/** The stored import without its records (who may open it, its collection, its state). */
export async function getStoredImportSummary(user: GuardUser, id: string) {
  return getImportSummary(await getSql(), user, id);
}

/** One page of the stored import's records (for its report page). */
export async function getStoredImportPage(user: GuardUser, id: string, options: { page: number; perPage: number; action?: string | null }) {
  return getImportPage(await getSql(), user, id, options);
}

export async function getRecentImports(user: GuardUser) {
  return listImports(await getSql(), user);
}

export async function saveMatchChoices(user: GuardUser, id: string, shown: string[], kept: string[]) {
  return setMatchChoices(await getSql(), user, id, shown, kept);
}

export async function runStoredImport(user: GuardUser, id: string, status: "DRAFT" | "PUBLISHED") {
  const done = await commitStoredImport(await getSql(), user, id, { status });
  invalidateAfterImport(done.plan, done.commit);
  return done.report;
}
