// How item fields read on a page, in either interface language.
import type { Lang } from "../i18n/config";
import { messages } from "../i18n/messages";

const ISSUE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2023-08" → "Aug-2023" (en) or "2023년 8월" (ko); unparseable values are shown as recorded. */
export function formatIssueDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return "";
  const m = ISSUE_DATE.exec(value.trim());
  if (!m) return value;
  const [, year, month, day] = m;
  const monthIndex = month ? Number(month) - 1 : -1;
  if (month && (monthIndex < 0 || monthIndex > 11)) return value;
  if (lang === "ko") {
    return [`${year}년`, month ? `${Number(month)}월` : "", day ? `${Number(day)}일` : ""].filter(Boolean).join(" ");
  }
  const mon = month ? messages("en").months[monthIndex] : "";
  return [day ? String(Number(day)) : "", mon, year].filter(Boolean).join("-");
}

type CitationFields = {
  citation?: string | null;
  journalTitle?: string | null;
  bookTitle?: string | null;
  volume?: string | null;
  number?: string | null;
  startPage?: string | null;
  endPage?: string | null;
};

/** The recorded citation, or one derived DSpace-style: "JOURNAL, v.21, no.3, pp 429 - 446". */
export function citationLine(item: CitationFields): string {
  if (item.citation?.trim()) return item.citation.trim();
  const container = item.journalTitle ?? item.bookTitle;
  if (!container) return "";
  const pages = item.startPage ? (item.endPage ? `pp ${item.startPage} - ${item.endPage}` : `p ${item.startPage}`) : "";
  return [container, item.volume && `v.${item.volume}`, item.number && `no.${item.number}`, pages].filter(Boolean).join(", ");
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")}`;
}

export function formatBytes(bytes: number | bigint, lang: Lang): string {
  const n = Number(bytes);
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(lang === "ko" ? "ko-KR" : "en-US", { maximumFractionDigits: digits })} ${units[unit]}`;
}

export const METRIC_SOURCES: Record<string, string> = {
  webofscience: "Web of Science",
  scopus: "Scopus",
  crossref: "Crossref",
  altmetric: "Altmetric",
};

export function metricSourceName(source: string): string {
  return METRIC_SOURCES[source] ?? source;
}

/** "ko" → "Korean" (en) or "한국어" (ko); unknown codes are shown as recorded. */
export function languageName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
