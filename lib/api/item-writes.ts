// The /api/v1 write endpoints for items: create, read for editing, update (replace or merge) and
// workflow status changes. They do what the editor's server actions do — the same schemas
// (lib/curate/items/schema.ts), the same permission predicates over the same unit paths, the same
// store functions (one transaction with an audit entry each) — for clients holding a personal API
// token or a session. Optimistic locking is HTTP's: the representation carries an ETag naming its
// version, and a write must send it back in If-Match (428 without, 412 when someone saved first).
// Endpoints receive the database handle, so tests run them against a test database.
import { z } from "zod";
import type { Sql } from "../db/connection";
import type { TokenUser } from "../auth/tokens";
import { canChangeItemStatus, canEditItem } from "../auth/permissions";
import { editMessages } from "../i18n/messages-edit";
import { CONTRIBUTOR_ROLES, ITEM_STATUSES, ZChangeStatus, ZCreateItem, ZItemFields } from "../curate/items/schema";
import { ITEM_TYPES } from "../items/types";
import {
  changeItemStatus,
  createItem,
  ItemConflictError,
  ItemNotFoundError,
  loadEditableItem,
  snapshotOf,
  StatusTransitionError,
  UnknownReferenceError,
  updateItem,
  type EditableItem,
} from "../curate/items/store";
import { addedCollections, loadItemTarget, userCoversCollections } from "../curate/items/targets";
import { actAs, resolveCaller, forbiddenProblem, type SessionLoader } from "./caller";
import { acceptsJson, notAcceptable } from "./http";
import { problem } from "./problem";
import { InvalidInput } from "./serve";

/** The largest JSON body accepted (a long abstract and two thousand contributors fit). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export type WriteDeps = {
  sql: Sql;
  loadSession: SessionLoader;
  siteUrl?: string | null;
  /** Public pages that show the item are rebuilt (the route passes the cache invalidation). */
  onItemChanged?: (...versions: EditableItem[]) => void | Promise<void>;
};
export type WriteContext = { request: Request; sql: Sql; user: TokenUser; onItemChanged: (...versions: EditableItem[]) => void | Promise<void> };
export type WriteEndpoint = (ctx: WriteContext) => Promise<Response>;

// --- Representation ---

const nullableText = z.string().nullable();
export const ZEditableItem = z
  .object({
    id: z.number().int(),
    handle: z.string(),
    version: z.number().int().meta({ description: "Increases with every change; the ETag names it. Send the ETag back in If-Match to write." }),
    status: z.enum(ITEM_STATUSES),
    withdrawnReason: nullableText,
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    type: z.enum(ITEM_TYPES),
    title: z.string(),
    alternativeTitle: nullableText,
    alternativeTitleLang: nullableText,
    issueDate: nullableText,
    publisher: nullableText,
    journalTitle: nullableText,
    volume: nullableText,
    number: nullableText,
    startPage: nullableText,
    endPage: nullableText,
    pageCount: z.number().int().nullable(),
    issn: nullableText,
    eissn: nullableText,
    isbn: nullableText,
    doi: nullableText,
    abstract: nullableText,
    keywords: z.array(z.string()),
    subjects: z.array(z.string()),
    language: nullableText,
    license: nullableText,
    funding: z.array(z.object({ funder: z.string(), awardNumber: nullableText })),
    embargoUntil: nullableText,
    collectionId: z.number().int(),
    mappedCollectionIds: z.array(z.number().int()),
    contributors: z.array(
      z.object({ name: z.string(), role: z.enum(CONTRIBUTOR_ROLES), affiliation: nullableText, orcid: nullableText, researcherId: z.number().int().nullable() }),
    ),
    links: z.object({ self: z.string(), status: z.string(), html: z.string() }),
  })
  .meta({ id: "EditableItem", description: "An item as a curator edits it, in the same shape that create and update accept." });

export const ZStatusChangeBody = z
  .object({
    status: z.enum(ITEM_STATUSES),
    reason: z.string().max(1000).nullable().optional().meta({ description: "Required when withdrawing: shown on the tombstone." }),
  })
  .meta({ id: "StatusChange" });

export function itemEtag(item: Pick<EditableItem, "id" | "version">): string {
  return `"${item.id}.${item.version}"`;
}

export function representItem(item: EditableItem): z.infer<typeof ZEditableItem> {
  const { researcherSlugs: _r, unitId: _u, ...rest } = item;
  void _r;
  void _u;
  return { ...rest, links: { self: `/api/v1/curate/items/${item.id}`, status: `/api/v1/curate/items/${item.id}/status`, html: `/handle/${item.handle}` } };
}

function itemResponse(item: EditableItem, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(representItem(item), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ETag: itemEtag(item), "Cache-Control": "private, no-store", ...headers },
  });
}

// --- Input ---

/** 422 naming each field that did not validate, with the editor's English message and its code. */
function fieldProblem(error: z.ZodError): Response {
  const messages = editMessages.en.errors;
  const errors = error.issues.map((issue) => ({
    name: issue.path.map(String).join(".") || "(body)",
    code: issue.message,
    reason: messages[issue.message] ?? issue.message,
  }));
  const names = [...new Set(errors.map((e) => e.name))];
  return problem(422, "Unprocessable Content", `Check ${names.length === 1 ? "this field" : "these fields"}: ${names.join(", ")}.`, {}, { errors });
}

async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new InvalidInput(problem(415, "Unsupported Media Type", "Send the body as application/json.", { headers: { "Accept-Post": "application/json" } }));
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new InvalidInput(problem(413, "Content Too Large", `The body may be at most ${MAX_BODY_BYTES} bytes.`));
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new InvalidInput(problem(413, "Content Too Large", `The body may be at most ${MAX_BODY_BYTES} bytes.`));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidInput(problem(400, "Bad Request", "The body is not valid JSON.", {}, { errors: [{ name: "(body)", reason: "not valid JSON" }] }));
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InvalidInput(problem(400, "Bad Request", "The body must be a JSON object.", {}, { errors: [{ name: "(body)", reason: "not an object" }] }));
  }
  return body as Record<string, unknown>;
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new InvalidInput(fieldProblem(parsed.error));
  return parsed.data;
}

/**
 * The version a write is conditional on, from If-Match: 428 without the header, 412 when it does
 * not name the current version ("*" accepts whatever is current).
 */
function requireVersion(request: Request, current: EditableItem): number {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "") {
    throw new InvalidInput(problem(428, "Precondition Required", "Send the item's ETag in If-Match (read it with GET), so that a change made meanwhile is not overwritten."));
  }
  const tags = header.split(",").map((t) => t.trim());
  if (tags.includes("*") || tags.includes(itemEtag(current))) return current.version;
  throw preconditionFailed(current);
}

function preconditionFailed(current: EditableItem): InvalidInput {
  return new InvalidInput(
    problem(412, "Precondition Failed", `The item was changed meanwhile: it is at version ${current.version}. Read it again, reapply the change, and send the new ETag.`, { headers: { ETag: itemEtag(current) } }, { currentVersion: current.version }),
  );
}

// --- Frame ---

/** Content negotiation, the caller (token or same-site session: lib/api/caller.ts) and problem+json for every failure. */
export async function runWrite(request: Request, deps: WriteDeps, endpoint: WriteEndpoint): Promise<Response> {
  if (!acceptsJson(request)) return notAcceptable();
  const resolved = await resolveCaller(request, deps.sql, deps.loadSession, deps.siteUrl);
  if (!resolved.ok) return resolved.response;
  try {
    const caller = resolved.caller;
    return await actAs(caller, () => endpoint({ request, sql: deps.sql, user: caller.user, onItemChanged: deps.onItemChanged ?? (() => {}) }));
  } catch (error) {
    if (error instanceof InvalidInput) return error.response;
    if (error instanceof ItemConflictError) return preconditionFailed(error.current).response;
    if (error instanceof ItemNotFoundError) return problem(404, "Not Found", "There is no such item.");
    if (error instanceof UnknownReferenceError) {
      const name = error.message === "researcher" ? "contributors" : "collectionId";
      return problem(422, "Unprocessable Content", `Unknown ${error.message}.`, {}, { errors: [{ name, code: error.message === "researcher" ? "unknownResearcher" : "unknownCollection", reason: `Unknown ${error.message}.` }] });
    }
    if (error instanceof StatusTransitionError) {
      const reason = error.message === "reason";
      return problem(reason ? 422 : 409, reason ? "Unprocessable Content" : "Conflict", reason ? editMessages.en.errors.reasonRequired : `This status change is not allowed (${error.message}).`, {}, reason ? { errors: [{ name: "reason", code: "reasonRequired", reason: editMessages.en.errors.reasonRequired }] } : {});
    }
    console.error(`[api] ${request.method} ${new URL(request.url).pathname}: ${(error as Error).message}`);
    return problem(500, "Internal Server Error", "The change could not be made; nothing was saved. Try again later.");
  }
}

// --- Endpoints ---

/** POST /curate/items — a new draft in a collection the caller curates. */
export const createItemEndpoint: WriteEndpoint = async ({ request, sql, user, onItemChanged }) => {
  const input = parseBody(ZCreateItem, await readJsonBody(request));
  if (!(await userCoversCollections(sql, user, [input.collectionId, ...input.mappedCollectionIds]))) {
    return forbiddenProblem("Your account may not add items to this collection.");
  }
  const item = await createItem(sql, input, user.id);
  await onItemChanged(item);
  return itemResponse(item, 201, { Location: `/api/v1/curate/items/${item.id}` });
};

async function editableTarget(sql: Sql, user: TokenUser, id: number, check = canEditItem): Promise<EditableItem> {
  const target = await loadItemTarget(sql, id);
  if (!target) throw new InvalidInput(problem(404, "Not Found", "There is no such item."));
  if (!check(user, target)) throw new InvalidInput(forbiddenProblem("Your account may not edit this item."));
  const item = await loadEditableItem(sql, id);
  if (!item) throw new InvalidInput(problem(404, "Not Found", "There is no such item."));
  return item;
}

export const ZItemIdParams = z.strictObject({ id: z.string().regex(/^\d{1,10}$/).transform(Number).pipe(z.number().int().min(1).max(2_147_483_647)) });

function itemId(params: Record<string, string>): number {
  const parsed = ZItemIdParams.safeParse(params);
  if (!parsed.success) throw new InvalidInput(problem(404, "Not Found", "There is no such item."));
  return parsed.data.id;
}

/** GET /curate/items/{id} — the item as it is edited, whatever its status, with its ETag. */
export function getEditableItemEndpoint(params: Record<string, string>): WriteEndpoint {
  return async ({ sql, user }) => itemResponse(await editableTarget(sql, user, itemId(params)));
}

/**
 * PUT /curate/items/{id} replaces every field (what is left out is emptied, as in the editor);
 * PATCH /curate/items/{id} changes only the fields sent. Either way the result is validated whole.
 */
export function updateItemEndpoint(params: Record<string, string>, mode: "replace" | "merge"): WriteEndpoint {
  return async ({ request, sql, user, onItemChanged }) => {
    const current = await editableTarget(sql, user, itemId(params));
    const version = requireVersion(request, current);
    const body = await readJsonBody(request);
    const input = parseBody(ZItemFields, mode === "merge" ? { ...snapshotOf(current), ...body } : body);
    if (!(await userCoversCollections(sql, user, addedCollections(current, input)))) {
      return forbiddenProblem("Your account may not put items in that collection.");
    }
    const { before, after } = await updateItem(sql, current.id, version, input, user.id);
    await onItemChanged(before, after);
    return itemResponse(after);
  };
}

/** POST /curate/items/{id}/status — moves the item along the workflow (withdrawing needs a reason). */
export function changeStatusEndpoint(params: Record<string, string>): WriteEndpoint {
  return async ({ request, sql, user, onItemChanged }) => {
    const current = await editableTarget(sql, user, itemId(params), canChangeItemStatus);
    const version = requireVersion(request, current);
    const body = await readJsonBody(request);
    const input = parseBody(ZChangeStatus, { ...body, id: current.id, version });
    const { before, after } = await changeItemStatus(sql, input.id, input.version, input.status, input.reason, user.id);
    await onItemChanged(before, after);
    return itemResponse(after);
  };
}
