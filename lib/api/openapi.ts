// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with
// (lib/api/schemas.ts). Endpoints maintained elsewhere (suggest, statistics, events) are described
// here with schemas that follow their route files.
import { z } from "zod";
import { env } from "../env";
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  ZCollection,
  ZHandleParams,
  ZIdParams,
  ZItem,
  ZItemListQuery,
  ZItemPage,
  ZNoQuery,
  ZPageQuery,
  ZProblem,
  ZResearcher,
  ZResearcherPage,
  ZSearchQuery,
  ZSearchResult,
  ZSlugParams,
  ZTombstone,
  ZUnit,
  ZUnitTree,
} from "./schemas";
import { ZCreateItem } from "../curate/items/schema";
import { ZResearcherFields } from "../curate/researchers/schema";
import { ZCollectionFields, ZUnitFields } from "../curate/units/schema";
import { ZEditableItem, ZStatusChangeBody } from "./item-writes";
import { ZEditableCollection, ZEditableResearcher, ZEditableUnit } from "./record-writes";
import { MAX_BODY_BYTES, ZRecordIdParams } from "./writes";

// --- Endpoints owned by other parts of the application (kept in step with their route files). ---

const ZSuggestQuery = z.strictObject({
  q: z.string().min(1).max(100).meta({ description: "What was typed so far.", example: "koo" }),
  lang: z.enum(["en", "ko"]).default("en"),
});
const ZSuggestions = z
  .object({
    researchers: z.array(z.object({ slug: z.string(), name: z.string() }).loose()),
    units: z.array(z.object({ slug: z.string(), name: z.string() }).loose()),
    items: z.array(z.object({ handle: z.string(), title: z.string() }).loose()),
  })
  .loose()
  .meta({ id: "Suggestions" });

const ZStatisticsQuery = z.strictObject({
  scope: z.string().regex(/^(site|item:.+|researcher:.+|unit:.+|collection:.+)$/).default("site").meta({
    description: "site, item:{prefix}/{n}, researcher:{slug}, unit:{slug} or collection:{slug}.",
    example: "item:2023.sw.kbri/1191",
  }),
  from: z.iso.date().optional().meta({ description: "First day (inclusive); defaults to 30 days ago." }),
  to: z.iso.date().optional().meta({ description: "Last day (inclusive); defaults to today." }),
  granularity: z.enum(["day", "week", "month"]).default("day"),
  tz: z.string().optional().meta({ description: "IANA time zone of the days.", example: "Asia/Seoul" }),
  format: z.enum(["json", "csv"]).default("json"),
});
const ZCounts = z.object({ views: z.number().int(), uniqueViews: z.number().int(), downloads: z.number().int(), uniqueDownloads: z.number().int() });
const ZStatistics = z
  .object({
    scope: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    asOf: z.iso.datetime({ offset: true }),
    totals: ZCounts.extend({ robotHits: z.number().int() }),
    series: z.array(ZCounts.extend({ period: z.string() })),
    countries: z.array(z.object({ country: z.string(), views: z.number().int(), downloads: z.number().int() })),
  })
  .loose()
  .meta({ id: "Statistics" });

const ZBeaconBody = z.object({ type: z.enum(["item", "researcher", "unit"]), id: z.number().int().positive() }).meta({ id: "Beacon" });

// --- Building blocks ---

const SCHEMA_IDS = [
  "File", "Contributor", "ItemSummary", "Item", "Tombstone", "ItemPage", "ResearcherSummary", "ResearcherPage", "Researcher",
  "UnitNode", "UnitTree", "Unit", "Collection", "SearchResult", "Problem", "Suggestions", "Statistics", "Beacon", "EditableItem", "StatusChange",
  "EditableResearcher", "EditableUnit", "EditableCollection",
];

function componentSchemas(): Record<string, unknown> {
  // Referencing the schemas makes sure they are registered before the registry is read.
  void [ZItem, ZTombstone, ZItemPage, ZResearcher, ZResearcherPage, ZUnit, ZUnitTree, ZCollection, ZSearchResult, ZProblem, ZSuggestions, ZStatistics, ZBeaconBody, ZEditableItem, ZStatusChangeBody, ZEditableResearcher, ZEditableUnit, ZEditableCollection];
  const all = z.toJSONSchema(z.globalRegistry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  const out: Record<string, unknown> = {};
  for (const id of SCHEMA_IDS) {
    const { $schema: _s, $id: _i, ...schema } = all.schemas[id] as Record<string, unknown>;
    void _s;
    void _i;
    out[id] = schema;
  }
  return out;
}

function inputSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  void _s;
  return rest;
}

function parameters(where: "query" | "path", schema: z.ZodObject): Record<string, unknown>[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const f = field as z.ZodType;
    const json = inputSchema(f);
    const { description, example, ...rest } = json as { description?: string; example?: unknown };
    return {
      name,
      in: where,
      required: where === "path" || !f.safeParse(undefined).success,
      ...(description ? { description } : {}),
      ...(example !== undefined ? { example } : {}),
      schema: rest,
    };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const COMMON_ERRORS = {
  "400": { $ref: "#/components/responses/BadRequest" },
  "405": { $ref: "#/components/responses/MethodNotAllowed" },
  "406": { $ref: "#/components/responses/NotAcceptable" },
  "429": { $ref: "#/components/responses/TooManyRequests" },
};
const READ_HEADERS = {
  ETag: { $ref: "#/components/headers/ETag" },
  "Cache-Control": { $ref: "#/components/headers/CacheControl" },
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimitLimit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimitRemaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimitReset" },
};
const PAGE_HEADERS = { ...READ_HEADERS, Link: { $ref: "#/components/headers/Link" } };

function ok(schemaId: string, description: string, options: { paged?: boolean; example?: unknown } = {}) {
  return {
    description,
    headers: options.paged ? PAGE_HEADERS : { ...READ_HEADERS, "Last-Modified": { $ref: "#/components/headers/LastModified" } },
    content: { "application/json": { schema: ref(schemaId), ...(options.example ? { example: options.example } : {}) } },
  };
}

function read(operationId: string, summary: string, tag: string, params: Record<string, unknown>[], responses: Record<string, unknown>) {
  return {
    get: {
      operationId,
      summary,
      tags: [tag],
      parameters: [{ $ref: "#/components/parameters/IfNoneMatch" }, ...params],
      responses: { ...responses, "304": { description: "Not modified: the ETag given in If-None-Match still matches." }, ...COMMON_ERRORS },
    },
  };
}

// --- Writes (personal API token or same-site session) ---

/**
 * The item fields a write accepts, from the editor's schema (lib/curate/items/schema.ts). Its
 * preprocessing accepts a missing value wherever the form would send an empty one, which JSON
 * Schema cannot tell from the types: the required fields are stated here.
 */
function itemFieldsBody(): Record<string, unknown> {
  const schema = inputSchema(ZCreateItem) as { properties: Record<string, Record<string, unknown>>; required?: string[]; description?: string };
  schema.required = ["type", "title", "collectionId"];
  const contributor = (schema.properties.contributors.items ?? {}) as { required?: string[] };
  contributor.required = ["name"];
  schema.description =
    "The fields of an item as the editor has them. Text fields may be null or empty for none; lists (keywords, subjects) are arrays of strings. " +
    "Identifiers are checked (DOI, ISSN, ISBN, ORCID) and DOIs normalised (https://doi.org/… → 10.…). Unknown properties are ignored.";
  return schema;
}

const WRITE_SECURITY = [{ apiToken: [] }, { session: [] }];
const writeErrors = (noun: string) => ({
  "401": problemResponse("No session and no token, or the bearer token is unknown, revoked or expired (WWW-Authenticate says which)."),
  "403": problemResponse(`The account may not do this (the ${noun}'s unit is not one it curates), or a signed-in write came from another site.`),
  "406": { $ref: "#/components/responses/NotAcceptable" },
});
const bodyErrors = {
  "400": problemResponse("The body is not a JSON object."),
  "413": problemResponse(`The body is larger than ${MAX_BODY_BYTES} bytes.`),
  "415": problemResponse("The body is not application/json."),
  "422": { $ref: "#/components/responses/InvalidFields" },
};
const lockErrors = (noun: string) => ({
  "404": problemResponse(`There is no such ${noun}.`),
  "412": problemResponse(`If-Match does not name the ${noun}'s current version: someone changed it meanwhile. \`currentVersion\` says which version it is at; the ETag header carries the new tag.`),
  "428": problemResponse(`If-Match is missing: read the ${noun} first and send its ETag back.`),
});
const IF_MATCH = { name: "If-Match", in: "header", required: true, description: "The ETag of the version the change is based on (from GET, or from the answer to the previous write).", schema: { type: "string" }, example: '"1191.4"' };
const editableResponse = (schemaId: string, noun: string, description: string, extraHeaders: Record<string, unknown> = {}) => ({
  description,
  headers: { ETag: { description: `Names the ${noun}'s version; send it in If-Match to write.`, schema: { type: "string" } }, ...extraHeaders },
  content: { "application/json": { schema: ref(schemaId) } },
});
const editableItemResponse = (description: string, extraHeaders: Record<string, unknown> = {}) => editableResponse("EditableItem", "item", description, extraHeaders);

type RecordApi = { noun: string; segment: string; schemaId: string; fields: z.ZodType; required: string[]; who: string; create: string; example: Record<string, unknown>; patchExample: Record<string, unknown> };

/** POST /curate/{segment} and GET/PUT/PATCH /curate/{segment}/{id} of a researcher, unit or collection. */
function recordPaths(api: RecordApi): Record<string, unknown> {
  const body = { ...inputSchema(api.fields), required: api.required, description: `The fields of a ${api.noun} as the workspace's editor has them. Text fields may be null or empty for none; unknown properties are ignored.` };
  const tag = ["curation"];
  const Name = api.noun[0].toUpperCase() + api.noun.slice(1);
  const saved = editableResponse(api.schemaId, api.noun, `The ${api.noun} as saved, at its new version.`);
  const idParams = [...parameters("path", ZRecordIdParams), IF_MATCH];
  return {
    [`/curate/${api.segment}`]: {
      post: {
        operationId: `create${Name}`,
        summary: api.create,
        tags: tag,
        security: WRITE_SECURITY,
        requestBody: { required: true, content: { "application/json": { schema: body, example: api.example } } },
        responses: {
          "201": editableResponse(api.schemaId, api.noun, `The new ${api.noun}.`, { Location: { description: `The ${api.noun}'s URL in this API.`, schema: { type: "string" } } }),
          ...writeErrors(api.noun),
          ...bodyErrors,
        },
      },
    },
    [`/curate/${api.segment}/{id}`]: {
      get: {
        operationId: `getEditable${Name}`,
        summary: `A ${api.noun} as it is edited (${api.who}), with the ETag to write it`,
        tags: tag,
        security: WRITE_SECURITY,
        parameters: parameters("path", ZRecordIdParams),
        responses: { "200": editableResponse(api.schemaId, api.noun, `The ${api.noun}.`), ...writeErrors(api.noun), "404": problemResponse(`There is no such ${api.noun}.`) },
      },
      put: {
        operationId: `replace${Name}`,
        summary: `Replace every field of a ${api.noun} (fields left out become empty, as in the editor)`,
        tags: tag,
        security: WRITE_SECURITY,
        parameters: idParams,
        requestBody: { required: true, content: { "application/json": { schema: body } } },
        responses: { "200": saved, ...writeErrors(api.noun), ...bodyErrors, ...lockErrors(api.noun) },
      },
      patch: {
        operationId: `update${Name}`,
        summary: `Change some fields of a ${api.noun} (the others stay as they are)`,
        tags: tag,
        security: WRITE_SECURITY,
        parameters: idParams,
        requestBody: {
          required: true,
          description: `Any of the ${api.noun}'s fields; the result is validated as a whole.`,
          content: { "application/json": { schema: { ...body, required: [] }, example: api.patchExample } },
        },
        responses: { "200": saved, ...writeErrors(api.noun), ...bodyErrors, ...lockErrors(api.noun) },
      },
    },
  };
}

const EXAMPLE_NEW_ITEM = {
  type: "JOURNAL_ARTICLE",
  title: "Hippocampal circuits in stress-induced depression",
  issueDate: "2023-08-14",
  doi: "10.5555/example.1",
  keywords: ["stress", "hippocampus"],
  collectionId: 3,
  contributors: [{ name: "Koo, Ja Wook", role: "AUTHOR", orcid: "0000-0002-1825-0097" }],
};

const EXAMPLE_ITEM = {
  id: 1191,
  handle: "2023.sw.kbri/1191",
  type: "JOURNAL_ARTICLE",
  title: "Hippocampal circuits in stress-induced depression",
  issueDate: "2023-08-14",
  authors: ["Koo, Ja Wook", "Kim, Min"],
  publishedAt: "2023-09-01T02:00:00.000Z",
  updatedAt: "2024-01-12T06:30:00.000Z",
  links: { self: "/api/v1/handle/2023.sw.kbri/1191", html: "/handle/2023.sw.kbri/1191" },
};

/** The whole document (JSON-serialisable). */
export function buildOpenApiDocument(serverUrl = env().SITE_URL ?? "/"): Record<string, unknown> {
  const pageParams = parameters("query", ZPageQuery);
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Atrium REST API",
      version: "1.0.0",
      description:
        `Public, read-only JSON about the repository's published items, researchers, units and collections. ` +
        `Lists are paginated with opaque cursors: follow \`links.next\` (or the \`Link: rel="next"\` header) until it is null; ` +
        `\`limit\` is 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}). Responses carry an ETag; send it back in If-None-Match for a 304. ` +
        `Errors are RFC 9457 problem details. Anonymous clients are rate limited per address (RateLimit-* headers; 429 with Retry-After). ` +
        `The curation endpoints write with the rights of a signed-in account: send a personal API token (created on the workspace's account page) as ` +
        `\`Authorization: Bearer <token>\`; token holders are not rate limited. Writes to items, researchers, units and collections are conditional: send the ETag you read in If-Match.`,
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: serverUrl.replace(/\/$/, "") + "/api/v1" }],
    tags: [
      { name: "items" }, { name: "researchers" }, { name: "units" }, { name: "collections" }, { name: "search" }, { name: "statistics" }, { name: "curation" }, { name: "meta" },
    ],
    paths: {
      "/items": read("listItems", "Published items, in id order", "items", parameters("query", ZItemListQuery), {
        "200": ok("ItemPage", "A page of items.", { paged: true, example: { data: [EXAMPLE_ITEM], links: { self: "/api/v1/items?limit=1", next: "/api/v1/items?limit=1&cursor=eyJsIjoiaXRlbXM6OiIsImsiOlsxMTkxXX0" } } }),
      }),
      "/items/{id}": read("getItemById", "One item by id", "items", [...parameters("path", ZIdParams), ...parameters("query", ZNoQuery)], {
        "200": ok("Item", "The item."),
        "404": problemResponse("No public item has this id (drafts and items in review are not public)."),
        "410": { description: "The item was withdrawn: a tombstone.", content: { "application/problem+json": { schema: ref("Tombstone") } } },
      }),
      "/handle/{prefix}/{n}": read("getItemByHandle", "One item by handle", "items", parameters("path", ZHandleParams), {
        "200": ok("Item", "The item."),
        "404": problemResponse("No public item has this handle."),
        "410": { description: "The item was withdrawn: a tombstone.", content: { "application/problem+json": { schema: ref("Tombstone") } } },
      }),
      "/researchers": read("listResearchers", "Researchers, in slug order", "researchers", pageParams, {
        "200": ok("ResearcherPage", "A page of researchers.", { paged: true }),
      }),
      "/researchers/{slug}": read("getResearcher", "A researcher with a page of their publications", "researchers", [...parameters("path", ZSlugParams), ...pageParams], {
        "200": ok("Researcher", "The researcher; `publications.links.next` pages through their items."),
        "404": problemResponse("No researcher has this slug."),
      }),
      "/units": read("getUnitTree", "The unit tree", "units", [], { "200": ok("UnitTree", "Every unit, nested.") }),
      "/units/{slug}": read("getUnit", "One unit", "units", parameters("path", ZSlugParams), {
        "200": ok("Unit", "The unit with its sub-units and collections."),
        "404": problemResponse("No unit has this slug."),
      }),
      "/collections/{slug}": read("getCollection", "A collection with a page of its items", "collections", [...parameters("path", ZSlugParams), ...pageParams], {
        "200": ok("Collection", "The collection; `items.links.next` pages through its items."),
        "404": problemResponse("No collection has this slug."),
      }),
      "/search": read("searchItems", "Full-text search", "search", parameters("query", ZSearchQuery), {
        "200": ok("SearchResult", "Ranked hits with facet counts; the cursor pages up to the search engine's page limit.", { paged: true }),
      }),
      "/suggest": {
        get: {
          operationId: "suggest",
          summary: "Type-ahead suggestions for the search box",
          tags: ["search"],
          parameters: parameters("query", ZSuggestQuery),
          responses: { "200": { description: "Suggestions.", content: { "application/json": { schema: ref("Suggestions") } } }, "400": { $ref: "#/components/responses/BadRequest" } },
        },
      },
      "/statistics": {
        get: {
          operationId: "getStatistics",
          summary: "Usage statistics (COUNTER R5.1) of a scope",
          tags: ["statistics"],
          parameters: parameters("query", ZStatisticsQuery),
          responses: {
            "200": {
              description: "Totals, a time series and countries; CSV of the series with format=csv.",
              content: { "application/json": { schema: ref("Statistics") }, "text/csv": { schema: { type: "string" } } },
            },
            "400": { $ref: "#/components/responses/BadRequest" },
            "404": problemResponse("The scope names nothing public."),
            "503": problemResponse("Statistics cannot be read right now."),
          },
        },
      },
      "/events": {
        get: {
          operationId: "recordViewPixel",
          summary: "Count a page view (1×1 GIF, for pages read without JavaScript)",
          tags: ["statistics"],
          parameters: parameters("query", z.strictObject({ type: ZBeaconBody.shape.type, id: z.coerce.number().int().positive() })),
          responses: {
            "200": { description: "A transparent GIF.", content: { "image/gif": { schema: { type: "string", contentMediaType: "image/gif" } } } },
            "400": { $ref: "#/components/responses/BadRequest" },
            "404": problemResponse("Nothing public has this type and id."),
            "503": problemResponse("The event could not be stored."),
          },
        },
        post: {
          operationId: "recordView",
          summary: "Count a page view (beacon)",
          tags: ["statistics"],
          requestBody: { required: true, content: { "application/json": { schema: ref("Beacon"), example: { type: "item", id: 1191 } }, "text/plain": { schema: { type: "string" } } } },
          responses: {
            "204": { description: "The event is stored." },
            "400": { $ref: "#/components/responses/BadRequest" },
            "404": problemResponse("Nothing public has this type and id."),
            "503": problemResponse("The event could not be stored."),
          },
        },
      },
      "/curate/items": {
        post: {
          operationId: "createItem",
          summary: "Create a draft item in a collection the account curates",
          tags: ["curation"],
          security: WRITE_SECURITY,
          requestBody: { required: true, content: { "application/json": { schema: itemFieldsBody(), example: EXAMPLE_NEW_ITEM } } },
          responses: {
            "201": editableItemResponse("The new draft (it gets its handle now; publishing makes it public).", { Location: { description: "The item's URL in this API.", schema: { type: "string" } } }),
            ...writeErrors("item"),
            ...bodyErrors,
          },
        },
      },
      "/curate/items/{id}": {
        get: {
          operationId: "getEditableItem",
          summary: "An item as it is edited, whatever its status, with the ETag to write it",
          tags: ["curation"],
          security: WRITE_SECURITY,
          parameters: parameters("path", ZRecordIdParams),
          responses: { "200": editableItemResponse("The item."), ...writeErrors("item"), "404": problemResponse("There is no such item.") },
        },
        put: {
          operationId: "replaceItem",
          summary: "Replace every field of an item (fields left out become empty, as in the editor)",
          tags: ["curation"],
          security: WRITE_SECURITY,
          parameters: [...parameters("path", ZRecordIdParams), IF_MATCH],
          requestBody: { required: true, content: { "application/json": { schema: itemFieldsBody() } } },
          responses: { "200": editableItemResponse("The item as saved, at its new version."), ...writeErrors("item"), ...bodyErrors, ...lockErrors("item") },
        },
        patch: {
          operationId: "updateItem",
          summary: "Change some fields of an item (the others stay as they are)",
          tags: ["curation"],
          security: WRITE_SECURITY,
          parameters: [...parameters("path", ZRecordIdParams), IF_MATCH],
          requestBody: {
            required: true,
            description: "Any of the item's fields; the result is validated as a whole.",
            content: { "application/json": { schema: { ...itemFieldsBody(), required: [] }, example: { abstract: "A new abstract." } } },
          },
          responses: { "200": editableItemResponse("The item as saved, at its new version."), ...writeErrors("item"), ...bodyErrors, ...lockErrors("item") },
        },
      },
      "/curate/items/{id}/status": {
        post: {
          operationId: "changeItemStatus",
          summary: "Move an item along the workflow: draft ⇄ in review → published ⇄ withdrawn, and back to draft",
          tags: ["curation"],
          security: WRITE_SECURITY,
          parameters: [...parameters("path", ZRecordIdParams), IF_MATCH],
          requestBody: { required: true, content: { "application/json": { schema: ref("StatusChange"), example: { status: "WITHDRAWN", reason: "Duplicate of 2023.sw.kbri/1190" } } } },
          responses: {
            "200": editableItemResponse("The item at its new status and version."),
            ...writeErrors("item"),
            ...bodyErrors,
            ...lockErrors("item"),
            "409": problemResponse("The workflow does not allow this move from the item's current status."),
          },
        },
      },
      ...recordPaths({
        noun: "researcher",
        segment: "researchers",
        schemaId: "EditableResearcher",
        fields: ZResearcherFields,
        required: ["slug", "displayName"],
        who: "curators of one of its units, administrators",
        create: "Create a researcher profile in units the account curates (without a unit: administrators)",
        example: { slug: "koo-ja-wook", displayName: "Koo, Ja Wook", primaryUnitId: 4, orcid: "0000-0002-1825-0097", researchInterests: ["stress", "depression"] },
        patchExample: { position: "Principal Investigator" },
      }),
      ...recordPaths({
        noun: "unit",
        segment: "units",
        schemaId: "EditableUnit",
        fields: ZUnitFields,
        required: ["slug", "name"],
        who: "curators of the unit or a unit above it, administrators",
        create: "Create a unit below one the account curates (at the top: administrators)",
        example: { slug: "neural-circuits", name: "Neural Circuits Group", altName: "신경회로 연구단", parentId: 2 },
        patchExample: { parentId: 5 },
      }),
      ...recordPaths({
        noun: "collection",
        segment: "collections",
        schemaId: "EditableCollection",
        fields: ZCollectionFields,
        required: ["slug", "name", "unitId"],
        who: "curators of its unit, administrators",
        create: "Create a collection in a unit the account curates",
        example: { slug: "neural-circuits-articles", name: "Articles", unitId: 7 },
        patchExample: { description: "Peer-reviewed articles of the group." },
      }),
      "/curate/files": {
        post: {
          operationId: "uploadFile",
          summary: "Attach a new file to an item (curators of the item's unit, administrators)",
          tags: ["curation"],
          security: WRITE_SECURITY,
          parameters: [
            { name: "item", in: "query", required: true, schema: { type: "integer", minimum: 1 }, description: "The item's id." },
            { name: "name", in: "query", required: true, schema: { type: "string", maxLength: 1000 }, description: "The file's name; unsafe characters are removed." },
          ],
          requestBody: { required: true, description: "The file's bytes (at most MAX_UPLOAD_BYTES); the type is read from the content.", content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } },
          responses: {
            "201": { description: "The file is stored; its record as JSON.", content: { "application/json": { schema: { type: "object" } } } },
            "400": { $ref: "#/components/responses/BadRequest" },
            "401": problemResponse("No session and no token, or the bearer token is unknown, revoked or expired."),
            "403": problemResponse("The account may not manage this item's files, or a signed-in upload came from another site."),
            "404": problemResponse("There is no such item."),
            "409": problemResponse("The item already has a file with the same content."),
            "413": problemResponse("The file is larger than MAX_UPLOAD_BYTES."),
            "415": problemResponse("The content is of a refused type, or not what its extension says."),
          },
        },
      },
      "/curate/files/{fileId}": {
        put: {
          operationId: "replaceFile",
          summary: "Replace a file's content, keeping its id and URL (curators of the item's unit, administrators)",
          tags: ["curation"],
          security: WRITE_SECURITY,
          parameters: [
            { name: "fileId", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
            { name: "name", in: "query", required: false, schema: { type: "string", maxLength: 1000 }, description: "The new content's file name." },
          ],
          requestBody: { required: true, description: "The new bytes.", content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } },
          responses: {
            "200": { description: "The content is replaced; the file's record as JSON.", content: { "application/json": { schema: { type: "object" } } } },
            "400": { $ref: "#/components/responses/BadRequest" },
            "401": problemResponse("No session and no token, or the bearer token is unknown, revoked or expired."),
            "403": problemResponse("The account may not manage this item's files, or a signed-in upload came from another site."),
            "404": problemResponse("There is no such file."),
            "413": problemResponse("The file is larger than MAX_UPLOAD_BYTES."),
            "415": problemResponse("The content is of a refused type, or not what its extension says."),
          },
        },
      },
      "/curate/researchers/{id}/photo": {
        post: {
          operationId: "setResearcherPhoto",
          summary: "Set or replace a researcher's photo (curators of one of the researcher's units, administrators)",
          tags: ["curation"],
          security: WRITE_SECURITY,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 }, description: "The researcher's id." }],
          requestBody: { required: true, description: "The image's bytes (JPEG, PNG or WebP, read from the content; at most MAX_PHOTO_BYTES).", content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } },
          responses: {
            "200": { description: "The photo is stored.", content: { "application/json": { schema: { type: "object", properties: { id: { type: "integer" }, photoKey: { type: "string" }, contentType: { type: "string" } } } } } },
            "400": problemResponse("The request had no image bytes."),
            "401": problemResponse("No session and no token, or the bearer token is unknown, revoked or expired."),
            "403": problemResponse("The account may not edit this researcher, or a signed-in upload came from another site."),
            "404": problemResponse("There is no such researcher."),
            "413": problemResponse("The image is larger than MAX_PHOTO_BYTES."),
            "415": problemResponse("The content is not a JPEG, PNG or WebP image."),
          },
        },
        delete: {
          operationId: "removeResearcherPhoto",
          summary: "Remove a researcher's photo",
          tags: ["curation"],
          security: WRITE_SECURITY,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 }, description: "The researcher's id." }],
          responses: {
            "204": { description: "The photo is removed." },
            "401": problemResponse("No session and no token, or the bearer token is unknown, revoked or expired."),
            "403": problemResponse("The account may not edit this researcher, or the request came from another site."),
            "404": problemResponse("There is no such researcher."),
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "This document",
          tags: ["meta"],
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "atr_…",
          description: "A personal API token, created and revoked on the workspace's account page (/curate/me). It acts with exactly the rights of its account.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The workspace's sign-in session (`__Secure-authjs.session-token` over HTTPS). Writes with it must come from this site's own pages.",
        },
      },
      schemas: componentSchemas(),
      parameters: {
        IfNoneMatch: { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier answer: 304 if unchanged.", schema: { type: "string" } },
      },
      headers: {
        ETag: { description: "Identifies this representation.", schema: { type: "string" } },
        LastModified: { description: "When the record last changed (HTTP date).", schema: { type: "string" } },
        CacheControl: { description: "Public reads may be cached briefly.", schema: { type: "string" } },
        Link: { description: 'The next page: `<url>; rel="next"` (absent on the last page).', schema: { type: "string" } },
        RateLimitLimit: { description: "Requests allowed per window.", schema: { type: "integer" } },
        RateLimitRemaining: { description: "Requests left in this window.", schema: { type: "integer" } },
        RateLimitReset: { description: "Seconds until the window ends.", schema: { type: "integer" } },
        RetryAfter: { description: "Seconds to wait.", schema: { type: "integer" } },
      },
      responses: {
        BadRequest: {
          description: "A parameter did not validate; `errors` names each one.",
          content: {
            "application/problem+json": {
              schema: ref("Problem"),
              example: { type: "about:blank", title: "Bad Request", status: 400, detail: "Invalid parameter: limit.", errors: [{ name: "limit", reason: `must be at most ${MAX_LIMIT}` }] },
            },
          },
        },
        MethodNotAllowed: { description: "Only GET and HEAD (Allow header).", headers: { Allow: { schema: { type: "string" } } }, content: { "application/problem+json": { schema: ref("Problem") } } },
        NotAcceptable: problemResponse("The client does not accept JSON."),
        InvalidFields: {
          description: "Some fields did not validate; `errors` names each with a code and a readable reason.",
          content: {
            "application/problem+json": {
              schema: ref("Problem"),
              example: { type: "about:blank", title: "Unprocessable Content", status: 422, detail: "doi: Not a DOI: it starts with 10. followed by a slash, e.g. 10.1038/nature12373.", errors: [{ name: "doi", code: "invalidDoi", reason: "Not a DOI: it starts with 10. followed by a slash, e.g. 10.1038/nature12373." }] },
            },
          },
        },
        TooManyRequests: {
          description: "The anonymous rate limit is used up.",
          headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
          content: { "application/problem+json": { schema: ref("Problem") } },
        },
      },
    },
  };
}
