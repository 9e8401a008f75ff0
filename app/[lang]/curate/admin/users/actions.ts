"use server";
// The administrator's account actions. Each is a guardedAction: the session and the named
// permission (canManageUsers) are checked on the server before anything runs, the input is
// validated with one schema, and the change writes an audit entry (lib/auth/admin-users.ts).
import { refresh } from "next/cache";
import { z } from "zod";
import { LastAdministratorError } from "@/lib/auth/admin-users";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { generatePassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { canManageUsers } from "@/lib/auth/permissions";
import { UserExistsError } from "@/lib/auth/users";
import { userAdministration } from "@/lib/curate/workspace";

const ZRole = z.enum(["ADMIN", "CURATOR", "RESEARCHER"]);
const ZId = z.coerce.number().int().positive();
const ZIdList = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(ZId).max(500));

const ZCreateUser = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  role: ZRole,
  password: z
    .string()
    .max(MAX_PASSWORD_LENGTH)
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || [...v].length >= MIN_PASSWORD_LENGTH, { message: "tooShort" }),
  unitIds: ZIdList,
});

async function existingUnits(ids: number[]): Promise<number[]> {
  if (!(await userAdministration.unitsExist(ids))) throw new ActionRefusal("Unknown unit.");
  return ids;
}

function translate(err: unknown): never {
  if (err instanceof LastAdministratorError) throw new ActionRefusal("lastAdmin", 409);
  if (err instanceof UserExistsError) throw new ActionRefusal("exists", 409);
  throw err;
}

export const createUserAction = guardedAction({
  schema: ZCreateUser,
  allow: (user) => canManageUsers(user),
  run: async (input, user) => {
    const password = input.password ?? generatePassword();
    const unitIds = input.role === "CURATOR" ? await existingUnits(input.unitIds) : [];
    await userAdministration.create(user, { email: input.email, name: input.name, role: input.role, password, unitIds }).catch(translate);
    refresh();
    return { email: input.email, generatedPassword: input.password ? null : password };
  },
});

export const changeRoleAction = guardedAction({
  schema: z.object({ userId: ZId, role: ZRole }),
  allow: (user) => canManageUsers(user),
  run: async (input, user) => {
    await userAdministration.changeRole(user, input.userId, input.role).catch(translate);
    refresh();
    return { userId: input.userId };
  },
});

export const assignUnitsAction = guardedAction({
  schema: z.object({ userId: ZId, unitIds: ZIdList }),
  allow: (user) => canManageUsers(user),
  run: async (input, user) => {
    await userAdministration.assignUnits(user, input.userId, await existingUnits(input.unitIds)).catch(translate);
    refresh();
    return { userId: input.userId };
  },
});

export const setActiveAction = guardedAction({
  schema: z.object({ userId: ZId, active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  allow: (user) => canManageUsers(user),
  run: async (input, user) => {
    await userAdministration.setActive(user, input.userId, input.active).catch(translate);
    refresh();
    return { userId: input.userId };
  },
});

export const signOutUserEverywhereAction = guardedAction({
  schema: z.object({ userId: ZId }),
  allow: (user) => canManageUsers(user),
  run: async (input, user) => {
    await userAdministration.signOutEverywhere(user, input.userId).catch(translate);
    refresh();
    return { userId: input.userId };
  },
});
