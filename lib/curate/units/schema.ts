// The one description of a unit and of a collection as a curator writes them (DESIGN.md §2),
// shared by the workspace editors and the server actions.
import { z } from "zod";
import { id, LIMITS, optionalId, optionalText, requiredText, slug, version } from "../fields";

const altLang = optionalText(10)
  .transform((v) => (v ? v.toLowerCase() : v))
  .refine((v) => v === null || /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(v), { message: "invalidLanguage" });

const names = {
  slug,
  name: requiredText(LIMITS.short),
  altName: optionalText(LIMITS.short),
  altLang,
  description: optionalText(LIMITS.long),
  altDescription: optionalText(LIMITS.long),
};

/** A second-language name needs its language; Korean is assumed when none is given. */
const withLang = <T extends { altName: string | null; altDescription: string | null; altLang: string | null }>(v: T): T => ({ ...v, altLang: v.altName || v.altDescription ? (v.altLang ?? "ko") : v.altLang });

export const ZUnitFields = z.object({ ...names, parentId: optionalId }).transform(withLang);
export type TUnitFields = z.infer<typeof ZUnitFields>;
export const ZUpdateUnit = ZUnitFields.and(z.object({ id, version }));

export const ZCollectionFields = z.object({ ...names, unitId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ message: "required" }).int().positive({ message: "required" }).max(2_147_483_647)) }).transform(withLang);
export type TCollectionFields = z.infer<typeof ZCollectionFields>;
export const ZUpdateCollection = ZCollectionFields.and(z.object({ id, version }));

export const UNIT_FIELDS = ["slug", "name", "altName", "altLang", "description", "altDescription", "parentId"] as const satisfies readonly (keyof TUnitFields)[];
export const COLLECTION_FIELDS = ["slug", "name", "altName", "altLang", "description", "altDescription", "unitId"] as const satisfies readonly (keyof TCollectionFields)[];
