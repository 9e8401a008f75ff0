// The /api/v1 read endpoints. Each takes the route's path parameters and returns an Endpoint for
// runApi; the route files under app/api/v1 only connect these to Next.js.
import { getCollection, getResearcher, getUnit, getUnitTree, listResearchers, searchApi } from "./directory";
import { jsonResponse, nextUrl, selfUrl } from "./http";
import { getItem, listItems } from "./items";
import { problem } from "./problem";
import { parseParams, parseQuery, type ApiContext, type Endpoint } from "./serve";
import {
  ZHandleParams,
  ZIdParams,
  ZItemListQuery,
  ZNoQuery,
  ZPageQuery,
  ZResearcherListQuery,
  ZSearchQuery,
  ZSlugParams,
} from "./schemas";

const notFound = (what: string) => problem(404, "Not Found", `There is no public ${what}.`);

function pageBody<T>(ctx: ApiContext, data: T[], next: string | null) {
  return { data, links: { self: selfUrl(ctx.request), next } };
}

export const itemsEndpoint: Endpoint = async (ctx) => {
  const query = parseQuery(ZItemListQuery, ctx.request);
  const page = await listItems(ctx.sql, query);
  const next = nextUrl(ctx.request, page.nextCursor);
  return jsonResponse(ctx.request, pageBody(ctx, page.data, next), { next });
};

async function itemAnswer(ctx: ApiContext, by: { handle: string } | { id: number }): Promise<Response> {
  parseQuery(ZNoQuery, ctx.request);
  const found = await getItem(ctx.sql, by);
  if (found.kind === "missing") return notFound("handle" in by ? `item with handle ${by.handle}` : `item with id ${by.id}`);
  if (found.kind === "withdrawn") {
    return jsonResponse(
      ctx.request,
      { type: "about:blank", title: "Gone", status: 410, detail: `Item ${found.item.handle} was withdrawn.`, item: found.item },
      { status: 410, contentType: "application/problem+json", lastModified: found.lastModified },
    );
  }
  return jsonResponse(ctx.request, found.item, { lastModified: found.lastModified });
}

export const itemByHandleEndpoint = (params: Record<string, string>): Endpoint => async (ctx) => {
  const { prefix, n } = parseParams(ZHandleParams, params);
  return itemAnswer(ctx, { handle: `${prefix}/${Number(n)}` });
};

export const itemByIdEndpoint = (params: Record<string, string>): Endpoint => async (ctx) => {
  const { id } = parseParams(ZIdParams, params);
  return itemAnswer(ctx, { id });
};

export const researchersEndpoint: Endpoint = async (ctx) => {
  const query = parseQuery(ZResearcherListQuery, ctx.request);
  const page = await listResearchers(ctx.sql, query);
  const next = nextUrl(ctx.request, page.nextCursor);
  return jsonResponse(ctx.request, pageBody(ctx, page.data, next), { next });
};

export const researcherEndpoint = (params: Record<string, string>): Endpoint => async (ctx) => {
  const { slug } = parseParams(ZSlugParams, params);
  const query = parseQuery(ZPageQuery, ctx.request);
  const found = await getResearcher(ctx.sql, slug, query);
  if (!found) return notFound(`researcher ${slug}`);
  const next = nextUrl(ctx.request, found.publications.nextCursor);
  found.researcher.publications.links = { self: selfUrl(ctx.request), next };
  return jsonResponse(ctx.request, found.researcher, { next });
};

export const unitsEndpoint: Endpoint = async (ctx) => {
  parseQuery(ZNoQuery, ctx.request);
  const tree = await getUnitTree(ctx.sql);
  return jsonResponse(ctx.request, { data: tree.roots, links: { self: selfUrl(ctx.request), next: null } }, { lastModified: tree.lastModified });
};

export const unitEndpoint = (params: Record<string, string>): Endpoint => async (ctx) => {
  const { slug } = parseParams(ZSlugParams, params);
  parseQuery(ZNoQuery, ctx.request);
  const found = await getUnit(ctx.sql, slug);
  if (!found) return notFound(`unit ${slug}`);
  return jsonResponse(ctx.request, found.unit, { lastModified: found.lastModified });
};

export const collectionEndpoint = (params: Record<string, string>): Endpoint => async (ctx) => {
  const { slug } = parseParams(ZSlugParams, params);
  const query = parseQuery(ZPageQuery, ctx.request);
  const found = await getCollection(ctx.sql, slug, query);
  if (!found) return notFound(`collection ${slug}`);
  const next = nextUrl(ctx.request, found.items.nextCursor);
  found.collection.items.links = { self: selfUrl(ctx.request), next };
  return jsonResponse(ctx.request, found.collection, { next });
};

export const searchEndpoint: Endpoint = async (ctx) => {
  const query = parseQuery(ZSearchQuery, ctx.request);
  const result = await searchApi(ctx.sql, query);
  const next = nextUrl(ctx.request, result.nextCursor);
  const { nextCursor: _cursor, ...body } = result;
  void _cursor;
  return jsonResponse(ctx.request, { ...body, links: { self: selfUrl(ctx.request), next } }, { next });
};
