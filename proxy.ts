// Chooses the interface language and serves the page from that language's tree (app/[lang]):
// an explicit /en or /ko prefix wins and is remembered in a cookie; otherwise the cookie, then
// the browser's Accept-Language, then English. URLs without a prefix stay the canonical ones.
import { NextResponse, type NextRequest } from "next/server";
import { SIGNED_IN_COOKIE } from "./lib/auth/signed-in-cookie";
import { isWorkspacePageRefused } from "./lib/curate/page-access";
import { DEFAULT_LANG, isLang, LANG_COOKIE, langFromAcceptLanguage } from "./lib/i18n/config";

const ONE_YEAR = 60 * 60 * 24 * 365;

const ITEM_PAGE = /^(\/(?:en|ko))?(\/handle\/[^/]+\/[^/]+)\/?$/;

// Without a session cookie, the workspace can only send you to sign in: say so with a real
// redirect before any page renders. (A convenience — the pages and actions check the session.)
const WORKSPACE = /^(\/(?:en|ko))?\/curate(?:\/|$)/;
const hasSessionCookie = (request: NextRequest) => request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token/.test(c.name));

export async function proxy(request: NextRequest) {
  const workspace = WORKSPACE.exec(request.nextUrl.pathname);
  // Only page visits: a POST (a server action) must reach its guard and get its own answer.
  if (workspace && (request.method === "GET" || request.method === "HEAD")) {
    if (!hasSessionCookie(request)) {
      const url = request.nextUrl.clone();
      url.pathname = `${workspace[1] ?? ""}/signin`;
      url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
      return NextResponse.redirect(url, 307);
    }
    // A signed-in user without the right gets the page's refusal with a real 403: the page itself
    // streams, so its own forbidden() comes after the status has been sent.
    if (await refused(request)) return chooseLanguage(request, request.nextUrl.pathname, undefined, 403);
  }
  // The full item record lives at ?mode=full (the URL DSpace users know), served by a page of its
  // own so that both views stay cacheable.
  const item = ITEM_PAGE.exec(request.nextUrl.pathname);
  if (item && request.nextUrl.searchParams.get("mode") === "full") {
    const url = request.nextUrl.clone();
    url.pathname = `${item[1] ?? ""}${item[2]}/full`;
    url.search = "";
    return keepSignedInCookie(request, chooseLanguage(request, url.pathname, url));
  }
  return keepSignedInCookie(request, chooseLanguage(request, request.nextUrl.pathname));
}

// The header shows "Workspace" instead of "Sign in" while the browser holds a session cookie,
// which scripts cannot read: a readable companion follows it (see components/layout/account-link.tsx).
function keepSignedInCookie(request: NextRequest, response: NextResponse) {
  const session = hasSessionCookie(request);
  if (session && !request.cookies.has(SIGNED_IN_COOKIE)) response.cookies.set(SIGNED_IN_COOKIE, "1", { path: "/", sameSite: "lax" });
  if (!session && request.cookies.has(SIGNED_IN_COOKIE)) response.cookies.delete(SIGNED_IN_COOKIE);
  return response;
}

async function refused(request: NextRequest): Promise<boolean> {
  try {
    return await isWorkspacePageRefused(request.nextUrl.pathname, request.headers.get("cookie"));
  } catch (err) {
    // No early answer (e.g. the database is unreachable): the page checks and answers itself.
    console.error("workspace access check failed", err);
    return false;
  }
}

function chooseLanguage(request: NextRequest, pathname: string, target?: URL, status?: number) {
  const cookieLang = request.cookies.get(LANG_COOKIE)?.value;
  const explicit = /^\/(en|ko)(?=\/|$)/.exec(pathname)?.[1];
  if (explicit) {
    const init = status ? { status } : undefined;
    const response = target ? NextResponse.rewrite(target, init) : NextResponse.next(init);
    if (cookieLang !== explicit) {
      response.cookies.set(LANG_COOKIE, explicit, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
    }
    return response;
  }
  const lang = isLang(cookieLang) ? cookieLang : (langFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LANG);
  const url = request.nextUrl.clone();
  url.pathname = `/${lang}${pathname === "/" ? "" : pathname}`;
  // The page therefore varies by cookie and Accept-Language; scripts/server.ts says so in `Vary`.
  return NextResponse.rewrite(url, status ? { status } : undefined);
}

export const config = {
  // Machine interfaces and assets are language-neutral and skip the proxy entirely.
  matcher: ["/((?!api/|_next/|files/|media/|oai|icon\\.svg|favicon\\.ico|robots\\.txt|sitemap|feed\\.xml).*)"],
};
