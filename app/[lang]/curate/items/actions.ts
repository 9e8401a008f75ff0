"use server";
// The item editor's writes. Each is a guardedAction: the session and a named permission over the
// item's unit path are checked on the server before anything runs; the input is validated with
// the one item schema (lib/curate/items/schema.ts); the write is audited and public pages that
// show the item are invalidated.
import { refresh } from "next/cache";
import { z } from "zod";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { canChangeItemStatus, canEditItem } from "@/lib/auth/permissions";
import { ZChangeStatus, ZCreateItem, ZRestoreVersion, ZUpdateItem } from "@/lib/curate/items/schema";
import { addedCollections } from "@/lib/curate/items/targets";
import {
  changeItemStatusFor,
  coversCollections,
  createItemFor,
  getEditableItem,
  getItemTarget,
  invalidateItem,
  restoreItemVersionFor,
  updateItemFor,
} from "@/lib/curate/items/service";
import { ItemConflictError, ItemNotFoundError, snapshotOf, StatusTransitionError, UnknownReferenceError } from "@/lib/curate/items/store";

function translate(err: unknown): never {
  if (err instanceof ItemConflictError) throw new ActionRefusal("conflict", 409);
  if (err instanceof StatusTransitionError) throw new ActionRefusal(err.message === "reason" ? "reasonRequired" : "transition");
  if (err instanceof UnknownReferenceError) throw new ActionRefusal(err.message === "researcher" ? "unknownResearcher" : "unknownCollection");
  if (err instanceof ItemNotFoundError) throw new ActionRefusal("notFound");
  throw err;
}

async function mayEdit(user: Parameters<typeof canEditItem>[0], id: number, check = canEditItem): Promise<boolean> {
  const target = await getItemTarget(id);
  return target !== null && check(user, target);
}

export const createItemAction = guardedAction({
  schema: ZCreateItem,
  allow: (user, input) => coversCollections(user, [input.collectionId, ...input.mappedCollectionIds]),
  run: async (input, user) => {
    const item = await createItemFor(user, input).catch(translate);
    invalidateItem(item);
    return { id: item.id, version: item.version };
  },
});

export const saveItemAction = guardedAction({
  schema: ZUpdateItem,
  allow: async (user, input) => {
    if (!(await mayEdit(user, input.id))) return false;
    // Moving the item or mapping it into a new collection needs rights on that collection's unit too.
    const current = await getEditableItem(input.id);
    return coversCollections(user, addedCollections(current, input));
  },
  run: async (input, user) => {
    const { id, version, ...fields } = input;
    const { before, after } = await updateItemFor(user, id, version, fields).catch(translate);
    invalidateItem(before, after);
    return { id, version: after.version };
  },
});

/** The current version of an item, for the conflict comparison. */
export const loadCurrentItemAction = guardedAction({
  schema: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
  allow: (user, input) => mayEdit(user, input.id),
  run: async (input) => {
    const item = await getEditableItem(input.id);
    if (!item) throw new ActionRefusal("notFound");
    return { version: item.version, snapshot: snapshotOf(item) };
  },
});

export const changeStatusAction = guardedAction({
  schema: ZChangeStatus,
  allow: (user, input) => mayEdit(user, input.id, canChangeItemStatus),
  run: async (input, user) => {
    const { before, after } = await changeItemStatusFor(user, input).catch(translate);
    invalidateItem(before, after);
    refresh();
    return { id: input.id, version: after.version, status: after.status };
  },
});

export const restoreVersionAction = guardedAction({
  schema: ZRestoreVersion,
  allow: (user, input) => mayEdit(user, input.id, canChangeItemStatus),
  run: async (input, user) => {
    const { before, after } = await restoreItemVersionFor(user, input.id, input.version, input.restore).catch(translate);
    invalidateItem(before, after);
    refresh();
    return { id: input.id, version: input.restore, newVersion: after.version };
  },
});
