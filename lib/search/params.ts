// The search request as it lives in the URL (/search?q=…&type=…&year=…), validated with one zod
// schema. A value that does not validate is dropped rather than answered with an error: search
// URLs are typed, shared and cut short by hand, and a page of results is more useful than a 400.
import { z } from "zod";
import { ItemType } from "../generated/prisma/enums";
import { MAX_PAGE, PAGE_SIZES, SEARCH_SORTS } from "./href";

export { effectiveSort, FILTER_KEYS, MAX_PAGE, PAGE_SIZES, SEARCH_SORTS, searchHref, type FilterKey } from "./href";

const slug = z.string().trim().min(1).max(120).regex(/^[\p{L}\p{N}._-]+$/u);

export const ZSearchParams = z.object({
  q: z.string().trim().max(300).catch(""),
  type: z.enum(Object.values(ItemType) as [ItemType, ...ItemType[]]).optional().catch(undefined),
  /** A year ("2023") or a range of years ("2020-2024"). */
  year: z
    .string()
    .regex(/^\d{4}(-\d{4})?$/)
    .refine((v) => {
      const [from, to = from] = v.split("-").map(Number);
      return from <= to;
    })
    .optional()
    .catch(undefined),
  /** Unit slug: the unit and every unit below it. */
  unit: slug.optional().catch(undefined),
  collection: slug.optional().catch(undefined),
  /** Researcher slug. */
  author: slug.optional().catch(undefined),
  subject: z.string().trim().min(1).max(200).optional().catch(undefined),
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).optional().catch(undefined),
  /** "open": only items with at least one file anyone may download now. */
  file: z.literal("open").optional().catch(undefined),
  sort: z.enum(SEARCH_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
  size: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
});

export type TSearchParams = z.infer<typeof ZSearchParams>;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Reads a request's search parameters; the first value of a repeated key wins. */
export function parseSearchParams(raw: RawParams): TSearchParams {
  const first = (key: string): string | undefined => {
    const value = raw instanceof URLSearchParams ? (raw.get(key) ?? undefined) : raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(ZSearchParams.shape)) input[key] = first(key);
  return ZSearchParams.parse(input);
}
