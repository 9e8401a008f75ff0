// Country names and codes. Usage data stores ISO 3166-1 alpha-2 codes; names come from the
// runtime's CLDR data (Intl.DisplayNames), and the numeric codes the world map's shapes carry are
// mapped with i18n-iso-countries.
import countries from "i18n-iso-countries";
import type { Lang } from "../i18n/config";

/** Code stored when an address could not be placed in any country. */
export const UNKNOWN_COUNTRY = "--";

const displayNames = new Map<Lang, Intl.DisplayNames>();

/** The country's name in the interface language; the code itself when it is not a region. */
export function countryName(code: string, lang: Lang): string {
  if (code === UNKNOWN_COUNTRY) return lang === "ko" ? "알 수 없음" : "Unknown";
  let names = displayNames.get(lang);
  if (!names) displayNames.set(lang, (names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" })));
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** ISO 3166-1 alpha-2 for a numeric code ("410" → "KR"), or undefined. */
export function alpha2FromNumeric(numeric: string): string | undefined {
  return countries.numericToAlpha2(numeric);
}
