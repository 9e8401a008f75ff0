// Zod building blocks shared by every record a curator edits (items, researchers, units,
// collections): text stored as typed (line endings folded, ends trimmed, control characters
// refused, a length limit in characters), lists typed one entry per line, and database ids.
// Messages are codes ("tooLong", "required" …) that lib/i18n turns into English or Korean text.
import { z } from "zod";

/** Control characters other than line feed and tab (carriage returns are folded into line feeds first). */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const LIMITS = { short: 1000, title: 10_000, long: 100_000, list: 200, contributors: 2000 } as const;

/** Text as typed (only line endings folded and the ends trimmed). */
export function text(max: number) {
  return z
    .string()
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .refine((v) => !CONTROL.test(v), { message: "controlChars" })
    .refine((v) => [...v].length <= max, { message: "tooLong" });
}

/** Text that must not be empty. */
export const requiredText = (max: number) => z.preprocess((v) => (v === undefined || v === null ? "" : v), text(max).refine((v) => v !== "", { message: "required" }));

/** Optional text: empty → null. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? "" : v), text(max)).transform((v) => (v === "" ? null : v));

/** A list typed one entry per line (keywords, name variants); arrays are accepted as they are. */
export const lines = (max: number) =>
  z
    .preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : String(v).split(/\r?\n/)), z.array(text(max)))
    .transform((list) => [...new Set(list.filter((s) => s !== ""))])
    .refine((list) => list.length <= LIMITS.list, { message: "tooMany" });

export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), id.nullable());
export const idList = z.preprocess((v) => (v === undefined || v === "" || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(id).max(LIMITS.list));
export const version = z.coerce.number().int().positive();

/** A checkbox: present ("on", "true") → true; absent → false. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A URL path segment: lower-case letters, digits and hyphens. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const slug = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string({ message: "required" }).min(1, { message: "required" }).regex(SLUG, { message: "invalidSlug" }));

/** Field errors keyed by field name ("contributors.2.orcid"), as codes. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

/** A record id from a URL segment: a positive 32-bit integer written in digits, or null. */
export function parseRecordId(segment: string): number | null {
  if (!/^\d{1,10}$/.test(segment)) return null;
  const n = Number(segment);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}
