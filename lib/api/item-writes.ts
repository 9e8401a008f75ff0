// The /api/v1 write endpoints for items: create, read for editing, update (replace or merge) and
// workflow status changes. They do what the editor's server actions do — the same schemas
// (lib/curate/items/schema.ts), the same permission predicates over the same unit paths, the same
// store functions (one transaction with an audit entry each) — for clients holding a personal API
// token or a session. The frame (caller, JSON bodies, ETag and If-Match) is ./writes.ts.
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
import { forbiddenProblem } from "./caller";
import { problem } from "./problem";
import { InvalidInput } from "./serve";
import {
  editableResponse,
  fieldErrorsProblem,
  mapErrors,
  notFound,
  parseBody,
  preconditionFailed,
  readJsonBody,
  recordId,
  requireVersion,
  type WriteEndpoint,
} from "./writes";

const MESSAGES = editMessages.en.errors;

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

export function representItem(item: EditableItem): z.infer<typeof ZEditableItem> {
  const { researcherSlugs: _r, unitId: _u, ...rest } = item;
  void _r;
  void _u;
  return { ...rest, links: { self: `/api/v1/curate/items/${item.id}`, status: `/api/v1/curate/items/${item.id}/status`, html: `/handle/${item.handle}` } };
}

function itemResponse(item: EditableItem, status = 200, headers: Record<string, string> = {}): Response {
  return editableResponse(representItem(item), item, status, headers);
}

// --- Store errors ---

function itemProblem(error: unknown): Response | undefined {
  if (error instanceof ItemConflictError) return preconditionFailed(error.current, "item").response;
  if (error instanceof ItemNotFoundError) return notFound("item").response;
  if (error instanceof UnknownReferenceError) {
    const name = error.message === "researcher" ? "contributors" : "collectionId";
    const code = error.message === "researcher" ? "unknownResearcher" : "unknownCollection";
    return fieldErrorsProblem([{ name, code, reason: `Unknown ${error.message}.` }]);
  }
  if (error instanceof StatusTransitionError) {
    if (error.message === "reason") return fieldErrorsProblem([{ name: "reason", code: "reasonRequired", reason: MESSAGES.reasonRequired }]);
    return problem(409, "Conflict", `This status change is not allowed (${error.message}).`);
  }
  return undefined;
}

const itemWrite = (endpoint: WriteEndpoint) => mapErrors(itemProblem, endpoint);

// --- Endpoints ---

/** POST /curate/items — a new draft in a collection the caller curates. */
export const createItemEndpoint: WriteEndpoint = itemWrite(async ({ request, sql, user, invalidate }) => {
  const input = parseBody(ZCreateItem, await readJsonBody(request), MESSAGES);
  if (!(await userCoversCollections(sql, user, [input.collectionId, ...input.mappedCollectionIds]))) {
    return forbiddenProblem("Your account may not add items to this collection.");
  }
  const item = await createItem(sql, input, user.id);
  await invalidate.item(item);
  return itemResponse(item, 201, { Location: `/api/v1/curate/items/${item.id}` });
});

async function editableTarget(sql: Sql, user: TokenUser, id: number, check = canEditItem): Promise<EditableItem> {
  const target = await loadItemTarget(sql, id);
  if (!target) throw notFound("item");
  if (!check(user, target)) throw new InvalidInput(forbiddenProblem("Your account may not edit this item."));
  const item = await loadEditableItem(sql, id);
  if (!item) throw notFound("item");
  return item;
}

/** GET /curate/items/{id} — the item as it is edited, whatever its status, with its ETag. */
export function getEditableItemEndpoint(params: Record<string, string>): WriteEndpoint {
  return itemWrite(async ({ sql, user }) => itemResponse(await editableTarget(sql, user, recordId(params, "item"))));
}

/**
 * PUT /curate/items/{id} replaces every field (what is left out is emptied, as in the editor);
 * PATCH /curate/items/{id} changes only the fields sent. Either way the result is validated whole.
 */
export function updateItemEndpoint(params: Record<string, string>, mode: "replace" | "merge"): WriteEndpoint {
  return itemWrite(async ({ request, sql, user, invalidate }) => {
    const current = await editableTarget(sql, user, recordId(params, "item"));
    const version = requireVersion(request, current, "item");
    const body = await readJsonBody(request);
    const input = parseBody(ZItemFields, mode === "merge" ? { ...snapshotOf(current), ...body } : body, MESSAGES);
    if (!(await userCoversCollections(sql, user, addedCollections(current, input)))) {
      return forbiddenProblem("Your account may not put items in that collection.");
    }
    const { before, after } = await updateItem(sql, current.id, version, input, user.id);
    await invalidate.item(before, after);
    return itemResponse(after);
  });
}

/** POST /curate/items/{id}/status — moves the item along the workflow (withdrawing needs a reason). */
export function changeStatusEndpoint(params: Record<string, string>): WriteEndpoint {
  return itemWrite(async ({ request, sql, user, invalidate }) => {
    const current = await editableTarget(sql, user, recordId(params, "item"), canChangeItemStatus);
    const version = requireVersion(request, current, "item");
    const body = await readJsonBody(request);
    const input = parseBody(ZChangeStatus, { ...body, id: current.id, version }, MESSAGES);
    const { before, after } = await changeItemStatus(sql, input.id, input.version, input.status, input.reason, user.id);
    await invalidate.item(before, after);
    return itemResponse(after);
  });
}
