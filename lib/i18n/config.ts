// Interface languages. Content carries its own second-language fields (alt_name, alt_lang…);
// pages show those when they match the interface language.
export const LANGS = ["en", "ko"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en";
export const LANG_COOKIE = "atrium-lang";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The best interface language for an Accept-Language header, or undefined. */
export function langFromAcceptLanguage(header: string | null | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.base && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.base).find(isLang);
}

/** Picks the content value matching the interface language, falling back to the primary one. */
export function localized(lang: Lang, primary: string, alt?: string | null, altLang?: string | null): string {
  return alt && altLang && altLang.toLowerCase().split("-")[0] === lang ? alt : primary;
}
