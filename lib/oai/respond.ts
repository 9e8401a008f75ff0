// The OAI-PMH 2.0 endpoint: one HTTP request (GET query or POST form) in, one XML response out.
// The route handler (app/oai/route.ts) passes the database and the clock; everything the protocol
// says about verbs, arguments, errors, sets, datestamps and resumption tokens happens here.
import type { Sql } from "../db/connection";
import { DC_NS, OAI_DC_NS } from "../export/dc-xml";
import {
  parseOaiArguments,
  toDatestamp,
  untilExclusive,
  type OaiError,
  type OaiRequest,
} from "./arguments";
import { DATESTAMP, liftEndedEmbargoes } from "./embargo";
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
import { addChild, element, toXmlDocument, type XmlNode } from "./xml";

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
  if (!Array.isArray(pairs)) return xmlResponse(oaiErrorXml(now, baseUrl, null, [pairs]));
  const parsed = parseOaiArguments(pairs);
  // After badVerb or badArgument the request element carries no attributes (protocol 3.2).
  if (!parsed.ok) return xmlResponse(oaiErrorXml(now, baseUrl, null, parsed.errors));
  const echo = { verb: parsed.request.verb, ...parsed.echo };
  const context: VerbContext = { ...options, now, baseUrl, pageSizes: options.pageSizes ?? PAGE_SIZES };
  const answer = await answerVerb(parsed.request, context);
  if (Array.isArray(answer)) return xmlResponse(oaiErrorXml(now, baseUrl, echo, answer));
  return xmlResponse(toXmlDocument(envelope(now, baseUrl, echo, answer)));
}

type VerbContext = OaiOptions & { now: Date; baseUrl: string; pageSizes: { records: number; identifiers: number } };

/** The verb's element ({ Identify: … }), or the errors to answer with instead. */
async function answerVerb(request: OaiRequest, ctx: VerbContext): Promise<XmlNode | OaiError[]> {
  // Datestamps are read below: record the files that opened by themselves since the last request.
  if (request.verb === "Identify" || request.verb === "GetRecord" || request.verb === "ListIdentifiers" || request.verb === "ListRecords") {
    await liftEndedEmbargoes(ctx.sql, ctx.now);
  }
  switch (request.verb) {
    case "Identify":
      return identify(ctx);
    case "ListMetadataFormats":
      return listMetadataFormats(request.identifier, ctx);
    case "ListSets":
      return listSetsVerb(request.resumptionToken, ctx);
    case "GetRecord":
      return getRecord(request.identifier, request.metadataPrefix, ctx);
    case "ListIdentifiers":
    case "ListRecords":
      return listVerb(request, ctx);
  }
}

async function identify(ctx: VerbContext): Promise<XmlNode> {
  const [settings, earliest, sample] = await Promise.all([
    loadSiteSettings(ctx.sql),
    earliestDatestamp(ctx.sql),
    ctx.sql.query<{ handle: string }>(`SELECT handle FROM item WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`),
  ]);
  const repoId = repositoryIdentifier(ctx.siteUrl);
  return {
    Identify: {
      repositoryName: settings.siteName ?? "Atrium",
      baseURL: ctx.baseUrl,
      protocolVersion: "2.0",
      adminEmail: settings.adminEmail ?? `repository@${repoId}`,
      earliestDatestamp: toDatestamp(earliest ?? ctx.now),
      deletedRecord: "persistent",
      granularity: "YYYY-MM-DDThh:mm:ssZ",
      description: {
        "oai-identifier": {
          "@_xmlns": OAI_ID_NS,
          "@_xsi:schemaLocation": `${OAI_ID_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd`,
          scheme: "oai",
          repositoryIdentifier: repoId,
          delimiter: ":",
          sampleIdentifier: `oai:${repoId}:${sample[0]?.handle ?? "123456789/1"}`,
        },
      },
    },
  };
}

async function listMetadataFormats(identifier: string | undefined, ctx: VerbContext): Promise<XmlNode | OaiError[]> {
  if (identifier !== undefined) {
    const handle = handleFromIdentifier(ctx.siteUrl, identifier);
    const record = handle ? await findRecordByHandle(ctx.sql, handle) : null;
    if (!record) return [{ code: "idDoesNotExist", message: `No record has the identifier "${identifier}".` }];
    // Every record — deleted ones as headers — is available in every format, so noMetadataFormats never arises.
  }
  return {
    ListMetadataFormats: {
      metadataFormat: METADATA_FORMATS.map((f) => ({ metadataPrefix: f.prefix, schema: f.schema, metadataNamespace: f.namespace })),
    },
  };
}

async function listSetsVerb(token: string | undefined, ctx: VerbContext): Promise<XmlNode | OaiError[]> {
  const tree = await loadSetTree(ctx.sql);
  const sets = listSets(tree);
  if (sets.length === 0) return [{ code: "noSetHierarchy", message: "This repository has no units or collections yet, so no sets." }];
  // The whole hierarchy fits in one response, so this repository never issues ListSets tokens.
  if (token !== undefined) return [{ code: "badResumptionToken", message: "This resumption token was not issued by this repository." }];
  return {
    ListSets: {
      set: sets.map((s) => {
        const set: XmlNode = { setSpec: s.spec, setName: s.name };
        if (s.altName || s.description) {
          const dc: XmlNode = {
            "@_xmlns:oai_dc": OAI_DC_NS,
            "@_xmlns:dc": DC_NS,
            "@_xsi:schemaLocation": `${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`,
          };
          const lang = s.altLang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(s.altLang) ? s.altLang : undefined;
          if (s.altName) dc["dc:title"] = element({ "xml:lang": lang }, s.altName);
          if (s.description) dc["dc:description"] = s.description;
          set.setDescription = { "oai_dc:dc": dc };
        }
        return set;
      }),
    },
  };
}

function cannotDisseminate(prefix: string): OaiError[] {
  return [
    {
      code: "cannotDisseminateFormat",
      message: `The metadata format "${prefix}" is not offered; the formats are ${METADATA_FORMATS.map((f) => f.prefix).join(", ")}.`,
    },
  ];
}

async function getRecord(identifier: string, prefix: string, ctx: VerbContext): Promise<XmlNode | OaiError[]> {
  const format = findFormat(prefix);
  const handle = handleFromIdentifier(ctx.siteUrl, identifier);
  const record = handle ? await findRecordByHandle(ctx.sql, handle) : null;
  const errors: OaiError[] = [];
  if (!record) errors.push({ code: "idDoesNotExist", message: `No record has the identifier "${identifier}".` });
  if (!format) errors.push(...cannotDisseminate(prefix));
  if (errors.length || !record || !format) return errors;
  const tree = await loadSetTree(ctx.sql);
  return { GetRecord: { record: recordNode(record, format, tree, ctx) } };
}

async function listVerb(request: Extract<OaiRequest, { verb: "ListIdentifiers" | "ListRecords" }>, ctx: VerbContext): Promise<XmlNode | OaiError[]> {
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

  const list: XmlNode = {};
  if (request.verb === "ListRecords") {
    const records = await loadRecords(ctx.sql, page.map((k) => k.id));
    list.record = records.map((record) => recordNode(record, format, tree, ctx));
  } else {
    const records = await loadSetMembership(ctx.sql, page.map((k) => k.id));
    list.header = records.map((record) => headerNode(record, tree, ctx));
  }

  const more = keys.length > pageSize;
  if (more || state.cursor > 0) {
    const attributes: Record<string, string> = { completeListSize: String(state.size), cursor: String(state.cursor) };
    let token: string | undefined;
    if (more) {
      const last = page[page.length - 1];
      const expires = ctx.now.getTime() + TOKEN_LIFETIME_MS;
      attributes.expirationDate = toDatestamp(new Date(expires));
      token = encodeToken({ ...state, afterTime: last.datestamp.getTime(), afterId: last.id, cursor: state.cursor + page.length, expires });
    }
    // The last page of a list carries an empty token with the list's size and cursor (protocol 3.5).
    list.resumptionToken = element(attributes, token);
  }
  return { [request.verb]: list };
}

type HeaderFields = Pick<OaiRecord, "handle" | "status" | "datestamp" | "collectionIds">;

async function loadSetMembership(sql: Sql, ids: number[]): Promise<HeaderFields[]> {
  const rows = await sql.query<HeaderFields & { id: number }>(
    `SELECT i.id, i.handle, i.status::text AS status, ${DATESTAMP} AS datestamp,
       array_prepend(i.collection_id, array(SELECT ic.collection_id FROM item_collection ic
         WHERE ic.item_id = i.id AND ic.collection_id <> i.collection_id ORDER BY ic.collection_id)) AS "collectionIds"
     FROM item i WHERE i.id = ANY($1::int[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is HeaderFields & { id: number } => r !== undefined);
}

function headerNode(record: HeaderFields, tree: SetTree, ctx: VerbContext): XmlNode {
  const header: XmlNode = element({ status: record.status !== "PUBLISHED" ? "deleted" : undefined });
  header.identifier = oaiIdentifier(ctx.siteUrl, record.handle);
  header.datestamp = toDatestamp(record.datestamp);
  for (const spec of recordSetSpecs(tree, record.collectionIds)) addChild(header, "setSpec", spec);
  return header;
}

function recordNode(record: OaiRecord, format: MetadataFormat, tree: SetTree, ctx: VerbContext): XmlNode {
  const node: XmlNode = { header: headerNode(record, tree, ctx) };
  if (record.status === "PUBLISHED") {
    node.metadata = format.write(record, { baseUrl: ctx.siteUrl, now: ctx.now, oaiIdentifier: oaiIdentifier(ctx.siteUrl, record.handle) });
  }
  return node;
}

function envelope(now: Date, baseUrl: string, echo: Record<string, string> | null, body: XmlNode): XmlNode {
  return {
    "OAI-PMH": {
      "@_xmlns": OAI_NS,
      "@_xmlns:xsi": XSI_NS,
      "@_xsi:schemaLocation": `${OAI_NS} ${OAI_SCHEMA}`,
      responseDate: toDatestamp(now),
      request: element(echo ?? {}, baseUrl),
      ...body,
    },
  };
}

/** An error response as text. */
export function oaiErrorXml(now: Date, baseUrl: string, echo: Record<string, string> | null, errors: OaiError[]): string {
  return toXmlDocument(envelope(now, baseUrl, echo, { error: errors.map((e) => element({ code: e.code }, e.message)) }));
}

function xmlResponse(body: string): OaiResponse {
  return {
    // OAI-PMH errors are protocol answers, not HTTP failures: the status is 200 either way.
    status: 200,
    headers: { "Content-Type": OAI_CONTENT_TYPE, "Cache-Control": "no-store" },
    body,
  };
}
