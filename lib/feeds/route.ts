// Connects the Atom feed responses to their route files: the application's database and site URL.
import "server-only";
import { getSql } from "../db";
import { siteUrl } from "../env";
import { DEFAULT_LANG, isLang } from "../i18n/config";
import type { FeedScope } from "./atom";
import { movedResponse } from "../site/moved";
import { feedResponse } from "./respond";

/** The feed of a scope in the language the URL names (the default for anything else); a former slug's feed moves (308). */
export async function serveFeed(request: Request, scope: FeedScope, lang: string = DEFAULT_LANG): Promise<Response> {
  const response = await feedResponse(request, await getSql(), scope, isLang(lang) ? lang : DEFAULT_LANG, siteUrl());
  if (response.status !== 404 || scope.kind === "site") return response;
  return (await movedResponse(scope.kind, scope.slug, ["feed.xml"], request)) ?? response;
}
