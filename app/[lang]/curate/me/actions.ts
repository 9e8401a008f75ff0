"use server";
// The signed-in account's own writes: personal API tokens (the secret is returned once; every
// query of lib/auth/tokens.ts is scoped by user id), the researcher's profile fields and correction
// requests on their items, and the curator's decision on a request. Each is a guardedAction
// (session + named permission checked on the server); lib/curate writes the audit entries.
import { refresh } from "next/cache";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { canDecideCorrection, canEditOwnProfile, canManageOwnApiTokens, canRequestCorrection } from "@/lib/auth/permissions";
import { ZCreateToken, ZRevokeToken } from "@/lib/auth/tokens";
import { ZDecideCorrection, ZFileCorrection } from "@/lib/curate/corrections";
import { getItemTarget } from "@/lib/curate/items/service";
import { ZOwnProfile } from "@/lib/curate/research";
import { correctionItemTarget, decideCorrectionRequest, fileCorrectionRequest, saveOwnProfile } from "@/lib/curate/researcher-workspace";
import { createMyApiToken, revokeMyApiToken } from "@/lib/curate/workspace";

export const createTokenAction = guardedAction({
  schema: ZCreateToken,
  allow: (user) => canManageOwnApiTokens(user),
  run: async (input, user) => {
    const created = await createMyApiToken(user, input);
    refresh();
    return { token: created.token, prefix: created.prefix, name: input.name };
  },
});

export const revokeTokenAction = guardedAction({
  schema: ZRevokeToken,
  allow: (user) => canManageOwnApiTokens(user),
  run: async (input, user) => {
    if (!(await revokeMyApiToken(user, input.tokenId))) throw new ActionRefusal("notFound");
    refresh();
    return { tokenId: input.tokenId };
  },
});

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
