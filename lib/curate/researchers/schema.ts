// The one description of a researcher profile as a curator writes it (DESIGN.md §2): used by the
// workspace editor (messages next to each field) and by the server actions (the boundary).
import { z } from "zod";
import { isValidOrcid } from "../../seed/identifiers";
import { normaliseOrcid } from "../../import/normalise";
import { checkbox, id, idList, LIMITS, lines, optionalId, optionalText, requiredText, slug, version } from "../fields";

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** "Label | https://…" one per line, or an array of { label, url }. */
const links = z
  .preprocess((v) => {
    if (v === undefined || v === null || v === "") return [];
    if (Array.isArray(v)) return v;
    return String(v)
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "")
      .map((l) => {
        const i = l.lastIndexOf("|");
        return i < 0 ? { label: "", url: l } : { label: l.slice(0, i), url: l.slice(i + 1) };
      });
  }, z.array(z.object({ label: optionalText(200), url: requiredText(2000).refine((u) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(u), { message: "invalidUrl" }) })).max(50, { message: "tooMany" }))
  .transform((list) => list.map((l) => ({ label: l.label ?? "", url: l.url })));

export const ZResearcherFields = z
  .object({
    slug,
    displayName: requiredText(300),
    familyName: optionalText(300),
    givenName: optionalText(300),
    nameVariants: lines(300),
    position: optionalText(LIMITS.short),
    altPosition: optionalText(LIMITS.short),
    primaryUnitId: optionalId,
    unitIds: idList,
    email: optionalText(320).refine((v) => v === null || EMAIL.test(v), { message: "invalidEmail" }),
    showEmail: checkbox,
    orcid: optionalText(60)
      .transform((v) => (v === null ? null : (normaliseOrcid(v) ?? v)))
      .refine((v) => v === null || isValidOrcid(v), { message: "invalidOrcid" }),
    scopusId: optionalText(40).refine((v) => v === null || /^\d{5,20}$/.test(v), { message: "invalidScopusId" }),
    researcherIdWos: optionalText(40)
      .transform((v) => (v ? v.toUpperCase() : v))
      .refine((v) => v === null || /^[A-Z]{1,3}-\d{4}-(19|20)\d{2}$/.test(v), { message: "invalidResearcherId" }),
    biography: optionalText(LIMITS.long),
    altBiography: optionalText(LIMITS.long),
    researchInterests: lines(300),
    links,
  })
  .superRefine((v, ctx) => {
    if (v.showEmail && !v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "required" });
  })
  .transform((v) => ({ ...v, unitIds: [...new Set(v.unitIds)].filter((u) => u !== v.primaryUnitId).sort((a, b) => a - b) }));

export type TResearcherFields = z.infer<typeof ZResearcherFields>;

export const ZCreateResearcher = ZResearcherFields;
export const ZUpdateResearcher = ZResearcherFields.and(z.object({ id, version }));
export type TUpdateResearcher = z.infer<typeof ZUpdateResearcher>;

/** The fields of a researcher version, in the editor's order (diffs, conflicts, audit). */
export const RESEARCHER_FIELDS = [
  "slug",
  "displayName",
  "familyName",
  "givenName",
  "nameVariants",
  "position",
  "altPosition",
  "primaryUnitId",
  "unitIds",
  "email",
  "showEmail",
  "orcid",
  "scopusId",
  "researcherIdWos",
  "biography",
  "altBiography",
  "researchInterests",
  "links",
] as const satisfies readonly (keyof TResearcherFields)[];

/** Photos: the types a browser shows everywhere, sniffed from the content (never SVG: it is a document). */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const PHOTO_MAX_BYTES_DEFAULT = 5 * 1024 * 1024;
