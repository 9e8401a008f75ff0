// The feed routes' responses: 404 for an unknown unit or collection, otherwise the Atom document
// with validators for conditional requests.
import type { Sql } from "../db/connection";
import type { Lang } from "../i18n/config";
import { ATOM_CONTENT_TYPE, atomXml, getFeed, type FeedScope } from "./atom";
import { conditionalResponse } from "./conditional";

const MAX_AGE = 300;

export async function feedResponse(request: Request, sql: Sql, scope: FeedScope, lang: Lang, siteUrl: string): Promise<Response> {
  const feed = await getFeed(sql, scope, lang, siteUrl);
  if (!feed) {
    return new Response(`There is no ${scope.kind} with this name.\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return conditionalResponse(request, {
    body: atomXml(feed),
    contentType: ATOM_CONTENT_TYPE,
    lastModified: feed.entries.length ? feed.updated : null,
    maxAge: MAX_AGE,
  });
}
