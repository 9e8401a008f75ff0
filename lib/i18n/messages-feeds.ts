// Text of the Atom feeds (site, unit, collection), in each interface language. Korean mirrors
// English key by key.
import type { Lang } from "./config";

const en = {
  siteTitle: "{site}: recent additions",
  siteSubtitle: "Publications most recently added to {site}.",
  scopeTitle: "{name}: recent additions",
  scopeSubtitle: "Publications most recently added to {name} at {site}.",
};

const ko: typeof en = {
  siteTitle: "{site}: 최근 등록 자료",
  siteSubtitle: "{site}에 최근 등록된 연구 성과입니다.",
  scopeTitle: "{name}: 최근 등록 자료",
  scopeSubtitle: "{site}의 {name}에 최근 등록된 연구 성과입니다.",
};

export type FeedMessages = typeof en;

export function feedMessages(lang: Lang): FeedMessages {
  return lang === "ko" ? ko : en;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
