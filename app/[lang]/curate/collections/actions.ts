"use server";
// The collection editor's writes: create, save (names, description, slug, unit — a move needs
// rights on both units). Guarded, validated with the one collection schema, versioned, audited;
// unit, collection and item pages are invalidated.
import { z } from "zod";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { pickFields } from "@/lib/curate/audit";
import { refresh } from "next/cache";
import { ZRestoreVersion } from "@/lib/curate/items/schema";
import { access, getEditableCollection, invalidateUnits, recordWrites, refuse, restoreRecord } from "@/lib/curate/records";
import { COLLECTION_FIELDS, ZCollectionFields, ZUpdateCollection } from "@/lib/curate/units/schema";

export const createCollectionAction = guardedAction({
  schema: ZCollectionFields,
  allow: (user, input) => access.createCollection(user, input),
  run: async (input, user) => {
    const c = await recordWrites.createCollection(user, input).catch(refuse);
    invalidateUnits();
    return { id: c.id, version: c.version };
  },
});

export const saveCollectionAction = guardedAction({
  schema: ZUpdateCollection,
  allow: (user, input) => access.editCollection(user, input),
  run: async (input, user) => {
    const { id, version, ...fields } = input;
    const { after } = await recordWrites.updateCollection(user, id, version, fields).catch(refuse);
    invalidateUnits();
    return { id, version: after.version };
  },
});

export const loadCurrentCollectionAction = guardedAction({
  schema: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
  allow: (user, input) => access.editCollection(user, input),
  run: async (input) => {
    const c = await getEditableCollection(input.id);
    if (!c) throw new ActionRefusal("notFound");
    return { version: c.version, snapshot: pickFields(COLLECTION_FIELDS, c) as Record<string, unknown> };
  },
});

/** Saves an earlier version as a new version (history page). */
export const restoreCollectionVersionAction = guardedAction({
  schema: ZRestoreVersion,
  allow: (user, input) => access.restore(user, "collection", input),
  run: async (input, user) => {
    const result = await restoreRecord(user, "collection", input);
    refresh();
    return result;
  },
});
