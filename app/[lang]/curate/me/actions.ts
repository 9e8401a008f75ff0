"use server";
// The researcher's own writes: their profile fields and correction requests on their items; and
// the curator's decision on a request. Each is a guardedAction (session + named permission checked
// on the server); lib/curate writes the audit entries; public pages are rebuilt on their next visit.
import { refresh } from "next/cache";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { canDecideCorrection, canEditOwnProfile, canRequestCorrection } from "@/lib/auth/permissions";
import { ZDecideCorrection, ZFileCorrection } from "@/lib/curate/corrections";
import { decideCorrectionRequest, fileCorrectionRequest, correctionItemTarget, saveOwnProfile } from "@/lib/curate/researcher-workspace";
import { ZOwnProfile } from "@/lib/curate/research";
import { getItemTarget } from "@/lib/curate/items/service";

export const saveOwnProfileAction = guardedAction({
  schema: ZOwnProfile,
  allow: (user) => canEditOwnProfile(user),
  run: async (input, user) => {
    const saved = await saveOwnProfile(user, input);
    if (!saved.ok) throw new ActionRefusal("conflict", 409);
    refresh();
    return { version: saved.version };
  },
});

export const fileCorrectionAction = guardedAction({
  schema: ZFileCorrection,
  allow: async (user, input) => {
    const target = await getItemTarget(input.itemId);
    return target !== null && canRequestCorrection(user, target);
  },
  run: async (input, user) => {
    const result = await fileCorrectionRequest(input, user.id);
    if (!result.ok) throw new ActionRefusal(result.code);
    refresh();
    return { id: result.id };
  },
});

export const decideCorrectionAction = guardedAction({
  schema: ZDecideCorrection,
  allow: async (user, input) => {
    const target = await correctionItemTarget(input.requestId);
    return target !== null && canDecideCorrection(user, target);
  },
  run: async (input, user) => {
    const result = await decideCorrectionRequest(input, user.id);
    if (!result.ok) throw new ActionRefusal(result.code, result.code === "conflict" ? 409 : 422);
    refresh();
    return { requestId: input.requestId, decision: input.decision };
  },
});
