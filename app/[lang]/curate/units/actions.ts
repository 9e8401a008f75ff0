"use server";
// The unit editor's writes: create, save (names, description, slug, parent). Guarded by the named
// unit permissions (moving needs rights on the old and new parent), validated with the one unit
// schema, versioned, audited; unit, collection and item pages are invalidated.
import { z } from "zod";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { pickFields } from "@/lib/curate/audit";
import { refresh } from "next/cache";
import { ZRestoreVersion } from "@/lib/curate/items/schema";
import { access, getEditableUnit, invalidateUnits, recordWrites, refuse, restoreRecord } from "@/lib/curate/records";
import { UNIT_FIELDS, ZUnitFields, ZUpdateUnit } from "@/lib/curate/units/schema";

export const createUnitAction = guardedAction({
  schema: ZUnitFields,
  allow: (user, input) => access.createUnit(user, input),
  run: async (input, user) => {
    const u = await recordWrites.createUnit(user, input).catch(refuse);
    invalidateUnits();
    return { id: u.id, version: u.version };
  },
});

export const saveUnitAction = guardedAction({
  schema: ZUpdateUnit,
  allow: (user, input) => access.editUnit(user, input),
  run: async (input, user) => {
    const { id, version, ...fields } = input;
    const { after } = await recordWrites.updateUnit(user, id, version, fields).catch(refuse);
    invalidateUnits();
    return { id, version: after.version };
  },
});

export const loadCurrentUnitAction = guardedAction({
  schema: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
  allow: (user, input) => access.editUnit(user, input),
  run: async (input) => {
    const u = await getEditableUnit(input.id);
    if (!u) throw new ActionRefusal("notFound");
    return { version: u.version, snapshot: pickFields(UNIT_FIELDS, u) as Record<string, unknown> };
  },
});

/** Saves an earlier version as a new version (history page). */
export const restoreUnitVersionAction = guardedAction({
  schema: ZRestoreVersion,
  allow: (user, input) => access.restore(user, "unit", input),
  run: async (input, user) => {
    const result = await restoreRecord(user, "unit", input);
    refresh();
    return result;
  },
});
