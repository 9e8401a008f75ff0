// What the researcher's workspace pages and actions call (server-only): "My research", the own
// profile, correction requests and their decisions — with the database handle and the cache
// invalidation of the public pages that show the changed record.
import "server-only";
import type { GuardUser } from "../auth/guard";
import { cacheTags, invalidate } from "../cache";
import { getSql } from "../db";
import { loadUnitPath } from "../auth/users";
import type { ItemTarget } from "../auth/permissions";
import { acceptCorrection, CorrectionError, declineCorrection, fileCorrection, itemOfCorrection, listCorrections, type TFileCorrection } from "./corrections";
import { ItemConflictError, ItemNotFoundError, getItemUnit, loadEditableItem } from "./items/store";
import { invalidateItem } from "./items/service";
import { getOwnProfile, getResearchUsage, listResearchItems, ProfileConflictError, updateOwnProfile, type TOwnProfile } from "./research";

/** Everything "My research" shows for the signed-in researcher, or null without a linked profile. */
export async function getMyResearch(user: GuardUser, today = new Date().toISOString().slice(0, 10)) {
  if (user.researcherId === null) return null;
  const sql = await getSql();
  const profile = await getOwnProfile(sql, user.researcherId);
  if (!profile) return null;
  const [items, usage, corrections] = [
    await listResearchItems(sql, profile.id),
    await getResearchUsage(sql, profile.id, profile.slug, today),
    await listCorrections(sql, { filedById: user.id, limit: 50 }),
  ];
  return { profile, items, usage, corrections };
}

export async function saveOwnProfile(user: GuardUser, input: TOwnProfile): Promise<{ ok: true; version: number } | { ok: false }> {
  if (user.researcherId === null) return { ok: false };
  try {
    const { after } = await updateOwnProfile(await getSql(), user.researcherId, input, user.id);
    invalidate(cacheTags.researcher(after.slug), cacheTags.site);
    return { ok: true, version: after.version };
  } catch (err) {
    if (err instanceof ProfileConflictError) return { ok: false };
    throw err;
  }
}

/** An item a researcher may file on, with the fields they may correct, or null. */
export async function getCorrectionTarget(itemId: number) {
  return loadEditableItem(await getSql(), itemId);
}

export async function fileCorrectionRequest(input: TFileCorrection, userId: number): Promise<{ ok: true; id: number } | { ok: false; code: string }> {
  try {
    const { id } = await fileCorrection(await getSql(), input, userId);
    return { ok: true, id };
  } catch (err) {
    if (err instanceof CorrectionError) return { ok: false, code: err.code === "invalid" ? (Object.values(err.fieldErrors)[0]?.[0] ?? "invalid") : err.code };
    throw err;
  }
}

/** The permission target of the item a request is about, or null for an unknown request. */
export async function correctionItemTarget(requestId: number): Promise<ItemTarget | null> {
  const sql = await getSql();
  const itemId = await itemOfCorrection(sql, requestId);
  if (itemId === null) return null;
  const unit = await getItemUnit(sql, itemId);
  return unit ? { unitPath: await loadUnitPath(sql, unit.unitId), researcherIds: unit.researcherIds } : null;
}

export async function decideCorrectionRequest(
  input: { requestId: number; decision: "accept" | "decline"; note: string | null },
  userId: number,
): Promise<{ ok: true } | { ok: false; code: string }> {
  const sql = await getSql();
  try {
    if (input.decision === "accept") {
      const { before, after } = await acceptCorrection(sql, input.requestId, userId, input.note);
      invalidateItem(before, after);
    } else {
      await declineCorrection(sql, input.requestId, userId, input.note ?? "");
    }
    return { ok: true };
  } catch (err) {
    if (err instanceof CorrectionError) return { ok: false, code: err.code === "invalid" ? "invalid" : err.code };
    if (err instanceof ItemConflictError) return { ok: false, code: "conflict" };
    if (err instanceof ItemNotFoundError) return { ok: false, code: "notFound" };
    throw err;
  }
}

/** Open requests on items inside the curator's units (all for an administrator). */
export async function getOpenCorrectionsFor(user: GuardUser) {
  return listCorrections(await getSql(), { status: "OPEN", unitIds: user.role === "ADMIN" ? "all" : [...user.unitIds], limit: 20 });
}

/** Every request on one item (the editor shows open ones with their decision forms). */
export async function getItemCorrections(itemId: number) {
  return listCorrections(await getSql(), { itemId, limit: 50 });
}
