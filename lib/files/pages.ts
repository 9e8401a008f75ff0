// The small HTML pages a file URL answers with when it cannot send the file: embargoed, restricted,
// withdrawn, not found, or a storage failure. They are self-contained (no app shell, scripts or
// fonts to load), say the same thing in English and Korean on one page — a file URL knows nothing
// of the visitor's language choice — and follow the site's light and dark palette.
import { messages } from "../i18n/messages";
import { formatEmbargoDate } from "./access";

/** A piece of markup that is already safe; anything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function renderValue(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** Template tag that escapes every interpolated value (text and attribute values alike). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += renderValue(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

type Text = { title: string; body: SafeHtml };

export type FilePage = {
  status: number;
  en: Text;
  ko: Text;
  /** The file and its item, when the URL named one that exists. */
  file?: { fileName: string; itemTitle: string };
  link: { href: string; en: string; ko: string };
};

const CSS = `
:root{--paper:#faf9f6;--surface:#fff;--ink:#1d1b18;--muted:#58534c;--line:#e4e0d8;--accent:#0c5a69;--accent-ink:#fff;color-scheme:light}
@media (prefers-color-scheme:dark){:root{--paper:#121416;--surface:#1a1d20;--ink:#ebe9e4;--muted:#aaa59d;--line:#2d3236;--accent:#6cc6d2;--accent-ink:#0b1c1f;color-scheme:dark}}
*{box-sizing:border-box}
html{background:var(--paper);color:var(--ink);-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.6 system-ui,-apple-system,"Segoe UI","Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic",sans-serif;word-break:keep-all;overflow-wrap:anywhere}
main{max-width:40rem;margin:0 auto;padding:4rem 1.25rem}
.status{margin:0;font-size:.875rem;font-weight:600;letter-spacing:.04em;color:var(--accent)}
h1{margin:.5rem 0 0;font-size:1.875rem;line-height:1.25;font-weight:600;letter-spacing:-.01em}
h2{margin:0;font-size:1.25rem;line-height:1.3;font-weight:600}
p{margin:.75rem 0 0;color:var(--muted);font-size:1.0625rem}
section{margin-top:2rem;padding-top:1.5rem;border-top:1px solid var(--line)}
dl{margin:2rem 0 0;padding:1rem 1.25rem;background:var(--surface);border:1px solid var(--line);border-radius:.75rem;display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dt{color:var(--muted);font-size:.875rem;padding-top:.1rem}
dd{margin:0;font-weight:500}
time{font-weight:600;color:var(--ink);white-space:nowrap}
.actions{margin-top:2.5rem}
.actions a{display:inline-block;padding:.625rem 1rem;border-radius:.5rem;background:var(--accent);color:var(--accent-ink);font-weight:600;text-decoration:none}
.actions a:hover{opacity:.9}
.actions a:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
`.trim();

export function renderFilePage(page: FilePage): string {
  const title = `${page.en.title} · ${page.ko.title}`;
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<main>
<p class="status">${page.status}</p>
<h1>${page.en.title}</h1>
<p>${page.en.body}</p>
<section lang="ko">
<h2>${page.ko.title}</h2>
<p>${page.ko.body}</p>
</section>
${
  page.file
    ? html`<dl>
<dt>File <span lang="ko">· 파일</span></dt><dd>${page.file.fileName}</dd>
<dt>Item <span lang="ko">· 자료</span></dt><dd>${page.file.itemTitle}</dd>
</dl>`
    : ""
}
<p class="actions"><a href="${page.link.href}">${page.link.en} <span lang="ko">· ${page.link.ko}</span></a></p>
</main>
</body>
</html>
`}`;
}

const toItem = (itemPath: string) => ({ href: itemPath, en: "Go to the item page", ko: "자료 페이지로 가기" });

type FileContext = { fileName: string; itemTitle: string; itemPath: string };

export function embargoedPage(ctx: FileContext, until: Date | null): FilePage {
  const date = until ? formatEmbargoDate(until) : null;
  const time = date ? html`<time datetime="${date}">${date}</time>` : null;
  return {
    status: 403,
    en: {
      title: "This file is under embargo",
      body: time
        ? html`This file is under embargo until ${time}. It can be downloaded from that day on.`
        : html`This file is under embargo. The day it opens has not been set yet.`,
    },
    ko: {
      title: "공개가 유예된 파일입니다",
      body: time
        ? html`이 파일은 엠바고(공개 유예) 중이며, ${time}부터 내려받을 수 있습니다.`
        : html`이 파일은 엠바고(공개 유예) 중입니다. 공개 날짜는 아직 정해지지 않았습니다.`,
    },
    file: ctx,
    link: toItem(ctx.itemPath),
  };
}

export function restrictedPage(ctx: FileContext): FilePage {
  return {
    status: 403,
    en: {
      title: "This file is restricted",
      body: html`This file is restricted to signed-in staff of the institute. The item's description remains open to all.`,
    },
    ko: {
      title: "열람이 제한된 파일입니다",
      body: html`이 파일은 로그인한 기관 직원만 내려받을 수 있습니다. 자료의 서지 정보는 누구나 볼 수 있습니다.`,
    },
    file: ctx,
    link: toItem(ctx.itemPath),
  };
}

export function withdrawnPage(ctx: FileContext): FilePage {
  return {
    status: 410,
    en: {
      title: "This file is no longer available",
      body: html`The item this file belonged to has been withdrawn. Its record and citation remain on the item page.`,
    },
    ko: {
      title: "더 이상 제공되지 않는 파일입니다",
      body: html`이 파일이 속한 자료는 철회되었습니다. 자료의 기록과 인용 정보는 자료 페이지에 남아 있습니다.`,
    },
    file: ctx,
    link: toItem(ctx.itemPath),
  };
}

export function notFoundPage(): FilePage {
  const en = messages("en").notFound;
  const ko = messages("ko").notFound;
  return {
    status: 404,
    en: { title: en.title, body: html`${en.body}` },
    ko: { title: ko.title, body: html`${ko.body}` },
    link: { href: "/", en: en.home, ko: ko.home },
  };
}

/** A storage or database failure. Says nothing about where or how files are kept. */
export function unavailablePage(itemPath: string | null): FilePage {
  return {
    status: 500,
    en: {
      title: "The file could not be delivered",
      body: html`Something went wrong on our side while reading this file. Please try again later; if it keeps happening, let the repository's staff know.`,
    },
    ko: {
      title: "파일을 전달하지 못했습니다",
      body: html`파일을 읽는 중 서버에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요. 문제가 계속되면 저장소 담당자에게 알려 주세요.`,
    },
    link: itemPath ? toItem(itemPath) : { href: "/", en: messages("en").notFound.home, ko: messages("ko").notFound.home },
  };
}

/** The page as a response: HTML, never cached (an embargo ends, a file is restored). */
export function filePageResponse(page: FilePage, method: string): Response {
  const body = renderFilePage(page);
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  };
  return new Response(method === "HEAD" ? null : body, { status: page.status, headers });
}
