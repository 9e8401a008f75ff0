// Formatted citations (APA, Vancouver, Harvard) of an item, through citeproc-js in
// @citation-js/plugin-csl. The styles and the en-US locale are the ones that package ships, taken
// from the Citation Style Language project (https://citationstyles.org/) and licensed CC BY-SA 3.0
// (each style's <rights> element says so): "apa" is APA 7th edition, "vancouver" is NLM/Vancouver
// citation-sequence (nlm-citation-sequence), "harvard1" is Cite Them Right 12th edition (Harvard).
// Nothing is copied into this repository; a custom style would be added under lib/export/styles/.
import "server-only";
import type { Lang } from "../i18n/config";
import { Cite, plugins } from "./citation-js";
import { toCsl, type CslItem, type ExportableItem, type ExportOptions } from "./csl";

export const CITATION_STYLES = ["apa", "vancouver", "harvard"] as const;

export type CitationStyle = (typeof CITATION_STYLES)[number];

export type FormattedCitation = { style: CitationStyle; text: string; html: string };

/** Our style names → the plugin's template names. */
const TEMPLATES: Record<CitationStyle, string> = { apa: "apa", vancouver: "vancouver", harvard: "harvard1" };

/**
 * The CSL locale per interface language. Korean pages also cite in en-US: the CSL project's ko-KR
 * locale is mostly untranslated and renders "et al." as 기타 and "and" as 와/과, which no Korean
 * reference list uses, and the international journals these items appear in cite in English.
 */
const LOCALES: Record<Lang, string> = { en: "en-US", ko: "en-US" };

/** Types whose version of record is published elsewhere: cited without the repository URL. */
const PUBLISHED_ELSEWHERE = new Set(["article-journal", "chapter", "paper-conference", "book"]);

type CslRegister = { has(name: string): boolean };
type CslConfig = { styles: CslRegister; locales: CslRegister };

let checked = false;

/** Checks once that the plugin carries every style and locale we name (it caches engines itself). */
function ensureStyles(): void {
  if (checked) return;
  const config = plugins.config.get("@csl") as CslConfig;
  for (const template of Object.values(TEMPLATES)) {
    if (!config.styles.has(template)) throw new Error(`CSL style "${template}" is missing from @citation-js/plugin-csl.`);
  }
  for (const locale of new Set(Object.values(LOCALES))) {
    if (!config.locales.has(locale)) throw new Error(`CSL locale "${locale}" is missing from @citation-js/plugin-csl.`);
  }
  checked = true;
}

export function isCitationStyle(value: unknown): value is CitationStyle {
  return typeof value === "string" && (CITATION_STYLES as readonly string[]).includes(value);
}

/**
 * The record as it is cited: no repository URL for works published elsewhere (APA 7 §9.34: the
 * version of record is cited, not the copy), and a non-English title followed by its English
 * translation in square brackets (APA 7 §9.38; Harvard and Vancouver do the same) when citing in English.
 */
function citedRecord(item: ExportableItem, lang: Lang, options: ExportOptions): CslItem {
  const csl: CslItem = { ...toCsl(item, options), id: "item" };
  if (PUBLISHED_ELSEWHERE.has(csl.type) || csl.DOI) delete csl.URL;
  const altLang = item.alternativeTitleLang?.toLowerCase().split("-")[0];
  const itemLang = item.language?.toLowerCase().split("-")[0];
  if (lang === "en" && item.alternativeTitle?.trim() && altLang === "en" && itemLang !== "en") {
    csl.title = `${csl.title} [${item.alternativeTitle.trim()}]`;
  }
  return csl;
}

function entry(cite: Cite, format: "text" | "html", template: string, locale: string): string {
  const entries = cite.format("bibliography", { format, template, lang: locale, asEntryArray: true }) as [string, string][];
  return entries[0]?.[1] ?? "";
}

/** The inner HTML of citeproc's csl-entry, without the wrapper and without a citation number. */
function entryHtml(html: string): string {
  return html
    .trim()
    .replace(/^<div[^>]*class="csl-entry"[^>]*>/, "")
    .replace(/<\/div>$/, "")
    .replace(/<div class="csl-left-margin">[^<]*<\/div>/, "")
    .replace(/<div class="csl-right-inline">([\s\S]*)<\/div>/, "$1")
    .trim();
}

/** One citation of the item in a style, as plain text and as HTML (escaped, with <i>/<b> markup). */
export function formatCitation(item: ExportableItem, style: CitationStyle, lang: Lang, options: ExportOptions = {}): FormattedCitation {
  ensureStyles();
  const cite = new Cite([citedRecord(item, lang, options)]);
  const template = TEMPLATES[style];
  const locale = LOCALES[lang];
  const text = entry(cite, "text", template, locale)
    .trim()
    .replace(/^\d+\.\s+/, "");
  const html = entryHtml(entry(cite, "html", template, locale));
  return { style, text, html };
}
