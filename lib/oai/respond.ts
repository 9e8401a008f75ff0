// The OAI-PMH 2.0 endpoint: one HTTP request (GET query or POST form) in, one XML response out.
// The route handler (app/oai/route.ts) passes the database and the clock; everything the protocol
// says about verbs, arguments, errors, sets, datestamps and resumption tokens happens here.
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { Sql } from "../db/connection";
import { DC_NS, OAI_DC_NS } from "../export/dc-xml";
import {
  parseOaiArguments,
  toDatestamp,
  untilExclusive,
  type OaiError,
  type OaiRequest,
} from "./arguments";
import { findFormat, METADATA_FORMATS, XSI_NS, type MetadataFormat } from "./formats";
import {
  collectionsInSet,
  countRecords,
  earliestDatestamp,
  findRecordByHandle,
  listRecordKeys,
  listSets,
  loadRecords,
  loadSetTree,
  loadSiteSettings,
  recordSetSpecs,
  type ListFilter,
  type OaiRecord,
  type SetTree,
} from "./repository";
import { decodeToken, encodeToken, TOKEN_LIFETIME_MS, type TokenState } from "./token";

export const OAI_NS = "http://www.openarchives.org/OAI/2.0/";
const OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
const OAI_ID_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier";
export const OAI_CONTENT_TYPE = "text/xml; charset=utf-8";

/** Records per ListRecords page, headers per ListIdentifiers page. */
export const PAGE_SIZES = { records: 100, identifiers: 500 } as const;

export type OaiHttpRequest = {
  method: string;
  /** The request URL; GET arguments are read from its query. */
  url: string;
  contentType?: string | null;
  /** POST body (application/x-www-form-urlencoded). */
  body?: string;
};

export type OaiOptions = {
  sql: Sql;
  /** Public base URL of the site, without a trailing slash. */
  siteUrl: string;
  now?: Date;
  pageSizes?: { records: number; identifiers: number };
};

export type OaiResponse = { status: number; headers: Record<string, string>; body: string };

/** The repository identifier of oai-identifiers: the site's host name, or a placeholder when it has no dots (localhost). */
export function repositoryIdentifier(siteUrl: string): string {
  const host = new URL(siteUrl).hostname;
  return /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/.test(host) ? host : `${host.replace(/[^a-zA-Z0-9-]/g, "-").replace(/^[^a-zA-Z]*/, "") || "atrium"}.localdomain`;
}

export function oaiIdentifier(siteUrl: string, handle: string): string {
  return `oai:${repositoryIdentifier(siteUrl)}:${handle}`;
}

/** The handle an oai-identifier of this repository names, or null for anyone else's identifier. */
export function handleFromIdentifier(siteUrl: string, identifier: string): string | null {
  const prefix = `oai:${repositoryIdentifier(siteUrl)}:`;
  if (!identifier.startsWith(prefix)) return null;
  const handle = identifier.slice(prefix.length);
  return /^[^/\s]+\/[^/\s]+$/.test(handle) ? handle : null;
}

function requestArguments(request: OaiHttpRequest): [string, string][] | OaiError {
  if (request.method === "POST") {
    const type = (request.contentType ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded") {
      return { code: "badArgument", message: "A POST request must send its arguments as application/x-www-form-urlencoded." };
    }
    return [...new URLSearchParams(request.body ?? "")];
  }
  return [...new URL(request.url).searchParams];
}

export async function answerOaiRequest(request: OaiHttpRequest, options: OaiOptions): Promise<OaiResponse> {
  const now = options.now ?? new Date();
  const baseUrl = `${options.siteUrl}/oai`;
  const pairs = requestArguments(request);
  if (!Array.isArray(pairs)) return xmlResponse(errorDocument(now, baseUrl, null, [pairs]));
  const parsed = parseOaiArguments(pairs);
  // After badVerb or badArgument the request element carries no attributes (protocol 3.2).
  if (!parsed.ok) return xmlResponse(errorDocument(now, baseUrl, null, parsed.errors));
  const { root, doc } = envelope(now, baseUrl, { verb: parsed.request.verb, ...parsed.echo });
  const context: VerbContext = { ...options, now, baseUrl, pageSizes: options.pageSizes ?? PAGE_SIZES };
  const errors = await answerVerb(root, parsed.request, context);
  if (errors) return xmlResponse(errorDocument(now, baseUrl, { verb: parsed.request.verb, ...parsed.echo }, errors));
  return xmlResponse(doc);
}

type VerbContext = OaiOptions & { now: Date; baseUrl: string; pageSizes: { records: number; identifiers: number } };

/** Writes the verb's element under root, or returns the errors to answer with instead. */
async function answerVerb(root: XMLBuilder, request: OaiRequest, ctx: VerbContext): Promise<OaiError[] | void> {
  switch (request.verb) {
    case "Identify":
      return identify(root, ctx);
    case "ListMetadataFormats":
      return listMetadataFormats(root, request.identifier, ctx);
    case "ListSets":
      return listSetsVerb(root, request.resumptionToken, ctx);
    case "GetRecord":
      return getRecord(root, request.identifier, request.metadataPrefix, ctx);
    case "ListIdentifiers":
    case "ListRecords":
      return listVerb(root, request, ctx);
  }
}

async function identify(root: XMLBuilder, ctx: VerbContext) {
  const [settings, earliest, sample] = await Promise.all([
    loadSiteSettings(ctx.sql),
    earliestDatestamp(ctx.sql),
    ctx.sql.query<{ handle: string }>(`SELECT handle FROM item WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`),
  ]);
  const repoId = repositoryIdentifier(ctx.siteUrl);
  const el = root.ele("Identify");
  el.ele("repositoryName").txt(settings.siteName ?? "Atrium");
  el.ele("baseURL").txt(ctx.baseUrl);
  el.ele("protocolVersion").txt("2.0");
  el.ele("adminEmail").txt(settings.adminEmail ?? `repository@${repoId}`);
  el.ele("earliestDatestamp").txt(toDatestamp(earliest ?? ctx.now));
  el.ele("deletedRecord").txt("persistent");
  el.ele("granularity").txt("YYYY-MM-DDThh:mm:ssZ");
  const id = el
    .ele("description")
    .ele(OAI_ID_NS, "oai-identifier")
    .att(XSI_NS, "xsi:schemaLocation", `${OAI_ID_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd`);
  id.ele("scheme").txt("oai");
  id.ele("repositoryIdentifier").txt(repoId);
  id.ele("delimiter").txt(":");
  id.ele("sampleIdentifier").txt(`oai:${repoId}:${sample[0]?.handle ?? "123456789/1"}`);
}

async function listMetadataFormats(root: XMLBuilder, identifier: string | undefined, ctx: VerbContext): Promise<OaiError[] | void> {
  if (identifier !== undefined) {
    const handle = handleFromIdentifier(ctx.siteUrl, identifier);
    const record = handle ? await findRecordByHandle(ctx.sql, handle) : null;
    if (!record) return [{ code: "idDoesNotExist", message: `No record has the identifier "${identifier}".` }];
    // Every record — deleted ones as headers — is available in every format, so noMetadataFormats never arises.
  }
  const el = root.ele("ListMetadataFormats");
  for (const f of METADATA_FORMATS) {
    const mf = el.ele("metadataFormat");
    mf.ele("metadataPrefix").txt(f.prefix);
    mf.ele("schema").txt(f.schema);
    mf.ele("metadataNamespace").txt(f.namespace);
  }
}

async function listSetsVerb(root: XMLBuilder, token: string | undefined, ctx: VerbContext): Promise<OaiError[] | void> {
  const tree = await loadSetTree(ctx.sql);
  const sets = listSets(tree);
  if (sets.length === 0) return [{ code: "noSetHierarchy", message: "This repository has no units or collections yet, so no sets." }];
  // The whole hierarchy fits in one response, so this repository never issues ListSets tokens.
  if (token !== undefined) return [{ code: "badResumptionToken", message: "This resumption token was not issued by this repository." }];
  const el = root.ele("ListSets");
  for (const s of sets) {
    const set = el.ele("set");
    set.ele("setSpec").txt(s.spec);
    set.ele("setName").txt(s.name);
    if (s.altName || s.description) {
      const dc = set
        .ele("setDescription")
        .ele(OAI_DC_NS, "oai_dc:dc")
        .att("xmlns:dc", DC_NS)
        .att(XSI_NS, "xsi:schemaLocation", `${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`);
      if (s.altName) {
        const title = dc.ele(DC_NS, "dc:title");
        if (s.altLang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(s.altLang)) title.att("xml:lang", s.altLang);
        title.txt(s.altName);
      }
      if (s.description) dc.ele(DC_NS, "dc:description").txt(s.description);
    }
  }
}

function cannotDisseminate(prefix: string): OaiError[] {
  return [
    {
      code: "cannotDisseminateFormat",
      message: `The metadata format "${prefix}" is not offered; the formats are ${METADATA_FORMATS.map((f) => f.prefix).join(", ")}.`,
    },
  ];
}

async function getRecord(root: XMLBuilder, identifier: string, prefix: string, ctx: VerbContext): Promise<OaiError[] | void> {
  const format = findFormat(prefix);
  const handle = handleFromIdentifier(ctx.siteUrl, identifier);
  const record = handle ? await findRecordByHandle(ctx.sql, handle) : null;
  const errors: OaiError[] = [];
  if (!record) errors.push({ code: "idDoesNotExist", message: `No record has the identifier "${identifier}".` });
  if (!format) errors.push(...cannotDisseminate(prefix));
  if (errors.length || !record || !format) return errors;
  const tree = await loadSetTree(ctx.sql);
  writeRecord(root.ele("GetRecord"), record, format, tree, ctx);
}

async function listVerb(
  root: XMLBuilder,
  request: Extract<OaiRequest, { verb: "ListIdentifiers" | "ListRecords" }>,
  ctx: VerbContext,
): Promise<OaiError[] | void> {
  const verbKey = request.verb === "ListRecords" ? "r" : "i";
  const pageSize = request.verb === "ListRecords" ? ctx.pageSizes.records : ctx.pageSizes.identifiers;
  const tree = await loadSetTree(ctx.sql);
  let state: TokenState;
  let filter: ListFilter;

  if (request.resumptionToken !== undefined) {
    const decoded = decodeToken(request.resumptionToken, ctx.now);
    if (!decoded.ok) {
      const message = decoded.reason === "expired" ? "This resumption token has expired; start the list again." : "This resumption token is not valid.";
      return [{ code: "badResumptionToken", message }];
    }
    state = decoded.state;
    if (state.verb !== verbKey) return [{ code: "badResumptionToken", message: `This resumption token continues a ${state.verb === "r" ? "ListRecords" : "ListIdentifiers"} list.` }];
    const collections = state.set === undefined ? undefined : collectionsInSet(tree, state.set);
    if (collections === null) return [{ code: "badResumptionToken", message: `The set "${state.set}" of this list no longer exists.` }];
    filter = {
      from: state.from === undefined ? undefined : new Date(state.from),
      until: state.until === undefined ? undefined : new Date(state.until),
      snapshot: new Date(state.snapshot),
      collections,
    };
  } else {
    const errors: OaiError[] = [];
    if (!findFormat(request.metadataPrefix)) errors.push(...cannotDisseminate(request.metadataPrefix));
    let collections: number[] | undefined;
    if (request.set !== undefined) {
      if (tree.units.length === 0) {
        errors.push({ code: "noSetHierarchy", message: "This repository has no units or collections yet, so no sets." });
      } else {
        const found = collectionsInSet(tree, request.set);
        if (found === null) errors.push({ code: "noRecordsMatch", message: `There is no set "${request.set}".` });
        else collections = found;
      }
    }
    if (errors.length) return errors;
    filter = {
      from: request.from?.date,
      until: request.until ? untilExclusive(request.until) : undefined,
      snapshot: ctx.now,
      collections,
    };
    const size = await countRecords(ctx.sql, filter);
    if (size === 0) return [{ code: "noRecordsMatch", message: "No records match these arguments." }];
    state = {
      verb: verbKey,
      prefix: request.metadataPrefix,
      set: request.set,
      from: filter.from?.getTime(),
      until: filter.until?.getTime(),
      snapshot: ctx.now.getTime(),
      afterTime: 0,
      afterId: 0,
      cursor: 0,
      size,
      expires: 0,
    };
  }

  const format = findFormat(state.prefix);
  if (!format) return [{ code: "badResumptionToken", message: "This resumption token names a format this repository no longer offers." }];
  const after = state.cursor === 0 ? null : { time: new Date(state.afterTime), id: state.afterId };
  const keys = await listRecordKeys(ctx.sql, filter, after, pageSize + 1);
  const page = keys.slice(0, pageSize);
  // Records edited after the snapshot leave the list; if that emptied the rest, there is nothing to send.
  if (page.length === 0) return [{ code: "noRecordsMatch", message: "No records remain in this list." }];

  const el = root.ele(request.verb);
  if (request.verb === "ListRecords") {
    const records = await loadRecords(ctx.sql, page.map((k) => k.id));
    for (const record of records) writeRecord(el, record, format, tree, ctx);
  } else {
    const records = await loadSetMembership(ctx.sql, page.map((k) => k.id));
    for (const record of records) writeHeader(el, record, tree, ctx);
  }

  const more = keys.length > pageSize;
  if (more || state.cursor > 0) {
    const token = el.ele("resumptionToken").att("completeListSize", String(state.size)).att("cursor", String(state.cursor));
    if (more) {
      const last = page[page.length - 1];
      const expires = ctx.now.getTime() + TOKEN_LIFETIME_MS;
      const next: TokenState = { ...state, afterTime: last.updatedAt.getTime(), afterId: last.id, cursor: state.cursor + page.length, expires };
      token.att("expirationDate", toDatestamp(new Date(expires))).txt(encodeToken(next));
    }
  }
}

type HeaderFields = Pick<OaiRecord, "handle" | "status" | "updatedAt" | "collectionIds">;

async function loadSetMembership(sql: Sql, ids: number[]): Promise<HeaderFields[]> {
  const rows = await sql.query<HeaderFields & { id: number }>(
    `SELECT i.id, i.handle, i.status::text AS status, i.updated_at AS "updatedAt",
       array_prepend(i.collection_id, array(SELECT ic.collection_id FROM item_collection ic
         WHERE ic.item_id = i.id AND ic.collection_id <> i.collection_id ORDER BY ic.collection_id)) AS "collectionIds"
     FROM item i WHERE i.id = ANY($1::int[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is HeaderFields & { id: number } => r !== undefined);
}

function writeHeader(parent: XMLBuilder, record: HeaderFields, tree: SetTree, ctx: VerbContext) {
  const header = parent.ele("header");
  if (record.status !== "PUBLISHED") header.att("status", "deleted");
  header.ele("identifier").txt(oaiIdentifier(ctx.siteUrl, record.handle));
  header.ele("datestamp").txt(toDatestamp(record.updatedAt));
  for (const spec of recordSetSpecs(tree, record.collectionIds)) header.ele("setSpec").txt(spec);
}

function writeRecord(parent: XMLBuilder, record: OaiRecord, format: MetadataFormat, tree: SetTree, ctx: VerbContext) {
  const el = parent.ele("record");
  writeHeader(el, record, tree, ctx);
  if (record.status !== "PUBLISHED") return;
  format.write(el.ele("metadata"), record, { baseUrl: ctx.siteUrl, now: ctx.now, oaiIdentifier: oaiIdentifier(ctx.siteUrl, record.handle) });
}

function envelope(now: Date, baseUrl: string, echo: Record<string, string> | null) {
  const doc = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" });
  const root = doc
    .ele(OAI_NS, "OAI-PMH")
    .att("xmlns:xsi", XSI_NS)
    .att(XSI_NS, "xsi:schemaLocation", `${OAI_NS} ${OAI_SCHEMA}`);
  root.ele("responseDate").txt(toDatestamp(now));
  const req = root.ele("request");
  for (const [k, v] of Object.entries(echo ?? {})) req.att(k, v);
  req.txt(baseUrl);
  return { doc, root };
}

function errorDocument(now: Date, baseUrl: string, echo: Record<string, string> | null, errors: OaiError[]) {
  const { doc, root } = envelope(now, baseUrl, echo);
  for (const e of errors) root.ele("error").att("code", e.code).txt(e.message);
  return doc;
}

/** An error response as text (for errors no request to this repository can cause, e.g. noMetadataFormats). */
export function oaiErrorXml(now: Date, baseUrl: string, echo: Record<string, string> | null, errors: OaiError[]): string {
  return errorDocument(now, baseUrl, echo, errors).end({ prettyPrint: false });
}

function xmlResponse(doc: XMLBuilder): OaiResponse {
  return {
    // OAI-PMH errors are protocol answers, not HTTP failures: the status is 200 either way.
    status: 200,
    headers: { "Content-Type": OAI_CONTENT_TYPE, "Cache-Control": "no-store" },
    body: doc.end({ prettyPrint: false }),
  };
}
