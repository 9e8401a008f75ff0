"use server";
// The researcher editor's writes. Each is a guardedAction: the session and the named permissions
// over the profile's units are checked on the server before anything runs; the input is validated
// with the one researcher schema; the write is versioned, audited, and public pages are invalidated.
import { z } from "zod";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { pickFields } from "@/lib/curate/audit";
import { refresh } from "next/cache";
import { ZRestoreVersion } from "@/lib/curate/items/schema";
import { access, getEditableResearcher, invalidateResearcher, recordWrites, refuse, restoreRecord } from "@/lib/curate/records";
import { RESEARCHER_FIELDS, ZCreateResearcher, ZUpdateResearcher } from "@/lib/curate/researchers/schema";

export const createResearcherAction = guardedAction({
  schema: ZCreateResearcher,
  allow: (user, input) => access.createResearcher(user, input),
  run: async (input, user) => {
    const r = await recordWrites.createResearcher(user, input).catch(refuse);
    invalidateResearcher(r.slug);
    return { id: r.id, version: r.version };
  },
});

export const saveResearcherAction = guardedAction({
  schema: ZUpdateResearcher,
  allow: (user, input) => access.editResearcher(user, input),
  run: async (input, user) => {
    const { id, version, ...fields } = input;
    const { before, after } = await recordWrites.updateResearcher(user, id, version, fields).catch(refuse);
    invalidateResearcher(before.slug, after.slug);
    return { id, version: after.version };
  },
});

/** The current version, for the conflict comparison. */
export const loadCurrentResearcherAction = guardedAction({
  schema: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
  allow: (user, input) => access.editResearcher(user, input),
  run: async (input) => {
    const r = await getEditableResearcher(input.id);
    if (!r) throw new ActionRefusal("notFound");
    return { version: r.version, snapshot: pickFields(RESEARCHER_FIELDS, r) as Record<string, unknown> };
  },
});

/** Saves an earlier version as a new version (history page). */
export const restoreResearcherVersionAction = guardedAction({
  schema: ZRestoreVersion,
  allow: (user, input) => access.restore(user, "researcher", input),
  run: async (input, user) => {
    const result = await restoreRecord(user, "researcher", input);
    refresh();
    return result;
  },
});
