"use server";
// Personal API tokens of the signed-in account: create (the secret is returned once) and revoke.
// Each is a guardedAction with the canManageOwnApiTokens permission; a user only ever reaches
// their own tokens (lib/auth/tokens.ts scopes every query by user id).
import { refresh } from "next/cache";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { canManageOwnApiTokens } from "@/lib/auth/permissions";
import { ZCreateToken, ZRevokeToken } from "@/lib/auth/tokens";
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
