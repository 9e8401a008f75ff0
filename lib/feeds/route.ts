// Connects the Atom feed responses to their route files: the application's database and site URL.
import "server-only";
import { getSql } from "../db";
import { siteUrl } from "../env";
import { DEFAULT_LANG, isLang } from "../i18n/config";
import type { FeedScope } from "./atom";
import { feedResponse } from "./respond";

/** The feed of a scope in the language the URL names (the default for anything else). */
export async function serveFeed(request: Request, scope: FeedScope, lang: string = DEFAULT_LANG): Promise<Response> {
  return feedResponse(request, await getSql(), scope, isLang(lang) ? lang : DEFAULT_LANG, siteUrl());
}
