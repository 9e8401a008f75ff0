// The /api/v1 write endpoints for researcher profiles, units and collections: create, read for
// editing, update (replace or merge). They do what the workspace's editors do — the same schemas
// (lib/curate/researchers/schema.ts, lib/curate/units/schema.ts), the same permission checks
// (…/access.ts over lib/auth/permissions.ts: a profile by its units, a move by the old and new
// place), the same store functions (versioned, audited, old slugs kept; a unit moved under its
// own subtree is refused as a "cycle") — for clients holding a personal API token or a session.
// The frame (caller, JSON bodies, ETag and If-Match) is ./writes.ts.
import { z } from "zod";
import type { Sql } from "../db/connection";
import type { PermissionUser } from "../auth/permissions";
import { recordMessages } from "../i18n/messages-records";
import { pickFields, RecordConflictError, RecordNotFoundError, RecordRuleError } from "../curate/audit";
import { mayCreateResearcher, mayEditResearcher } from "../curate/researchers/access";
import { RESEARCHER_FIELDS, ZResearcherFields } from "../curate/researchers/schema";
import { createResearcher, loadEditableResearcher, updateResearcher, type EditableResearcher } from "../curate/researchers/store";
import { mayCreateCollection, mayCreateUnit, mayEditCollection, mayEditUnit } from "../curate/units/access";
import { COLLECTION_FIELDS, UNIT_FIELDS, ZCollectionFields, ZUnitFields } from "../curate/units/schema";
import { createCollection, createUnit, loadEditableCollection, loadEditableUnit, updateCollection, updateUnit, type EditableCollection, type EditableUnit } from "../curate/units/store";
import { forbiddenProblem } from "./caller";
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
  type Invalidations,
  type Versioned,
  type WriteEndpoint,
} from "./writes";

const MESSAGES = recordMessages.en.errors;

// --- Representations ---

const text = z.string().nullable();
const common = {
  id: z.number().int(),
  version: z.number().int().meta({ description: "Increases with every change; the ETag names it. Send the ETag back in If-Match to write." }),
  updatedAt: z.iso.datetime(),
};
const names = { slug: z.string(), name: z.string(), altName: text, altLang: text, description: text, altDescription: text };
const ZRecordLinks = z.object({ self: z.string().meta({ description: "This record in the API." }), html: z.string().meta({ description: "Its public page." }) });

export const ZEditableResearcher = z
  .object({
    ...common,
    photoKey: text.meta({ description: "The stored photo; set with POST /curate/researchers/{id}/photo, not written here." }),
    slug: z.string(),
    displayName: z.string(),
    familyName: text,
    givenName: text,
    nameVariants: z.array(z.string()),
    position: text,
    altPosition: text,
    primaryUnitId: z.number().int().nullable(),
    unitIds: z.array(z.number().int()).meta({ description: "Other units (the primary unit is not repeated)." }),
    email: text,
    showEmail: z.boolean(),
    orcid: text,
    scopusId: text,
    researcherIdWos: text,
    biography: text,
    altBiography: text,
    researchInterests: z.array(z.string()),
    links: z.array(z.object({ label: z.string(), url: z.string() })).meta({ description: "The profile's web links (a field of the profile)." }),
    urls: ZRecordLinks.extend({ photo: z.string() }).meta({ description: "Where this profile lives (named urls: `links` is one of its fields)." }),
  })
  .meta({ id: "EditableResearcher", description: "A researcher profile as a curator edits it, in the same shape that create and update accept." });

export const ZEditableUnit = z
  .object({ ...common, ...names, parentId: z.number().int().nullable().meta({ description: "The unit above; null at the top (the administrator's)." }), links: ZRecordLinks })
  .meta({ id: "EditableUnit", description: "A unit as a curator edits it, in the same shape that create and update accept." });

export const ZEditableCollection = z
  .object({ ...common, ...names, unitId: z.number().int(), unitSlug: z.string(), links: ZRecordLinks })
  .meta({ id: "EditableCollection", description: "A collection as a curator edits it, in the same shape that create and update accept." });

// --- The three kinds of record ---

type Slugged = Versioned & { slug: string };

/** What the endpoints need to know of one kind of record: its schema, rights, store and pages. */
export type RecordKind<T extends Slugged, F extends object> = {
  noun: "researcher" | "unit" | "collection";
  /** The segment after /api/v1/curate/. */
  segment: "researchers" | "units" | "collections";
  schema: z.ZodType<F>;
  fields: readonly (keyof F & string)[];
  load: (sql: Sql, id: number) => Promise<T | null>;
  mayCreate: (sql: Sql, user: PermissionUser, fields: F) => Promise<boolean>;
  /** With only the id: may edit the record; with the fields: may also put it where they say. */
  mayEdit: (sql: Sql, user: PermissionUser, input: { id: number } & Partial<F>) => Promise<boolean>;
  create: (sql: Sql, fields: F, userId: number) => Promise<T>;
  update: (sql: Sql, id: number, version: number, fields: F, userId: number) => Promise<{ before: T; after: T }>;
  invalidate: (invalidations: Invalidations, before: T, after: T) => void;
  represent: (record: T) => unknown;
  /** 403 details: creating there, and putting an existing record there. */
  refusals: { create: string; place: string };
};

const selfUrl = (segment: string, id: number) => `/api/v1/curate/${segment}/${id}`;

export const RESEARCHERS: RecordKind<EditableResearcher, z.infer<typeof ZResearcherFields>> = {
  noun: "researcher",
  segment: "researchers",
  schema: ZResearcherFields,
  fields: RESEARCHER_FIELDS,
  load: loadEditableResearcher,
  mayCreate: mayCreateResearcher,
  mayEdit: mayEditResearcher,
  create: createResearcher,
  update: updateResearcher,
  invalidate: (i, before, after) => i.researcher(before.slug, after.slug),
  represent: (r): z.infer<typeof ZEditableResearcher> => ({
    ...r,
    urls: { self: selfUrl("researchers", r.id), html: `/researchers/${r.slug}`, photo: `${selfUrl("researchers", r.id)}/photo` },
  }),
  refusals: { create: "Your account may not add researchers to this unit.", place: "Your account may not put the researcher in that unit." },
};

export const UNITS: RecordKind<EditableUnit, z.infer<typeof ZUnitFields>> = {
  noun: "unit",
  segment: "units",
  schema: ZUnitFields,
  fields: UNIT_FIELDS,
  load: loadEditableUnit,
  mayCreate: mayCreateUnit,
  mayEdit: mayEditUnit,
  create: createUnit,
  update: updateUnit,
  invalidate: (i) => i.units(),
  represent: (u): z.infer<typeof ZEditableUnit> => ({ ...u, links: { self: selfUrl("units", u.id), html: `/units/${u.slug}` } }),
  refusals: { create: "Your account may not add a unit there.", place: "Your account may not move the unit there." },
};

export const COLLECTIONS: RecordKind<EditableCollection, z.infer<typeof ZCollectionFields>> = {
  noun: "collection",
  segment: "collections",
  schema: ZCollectionFields,
  fields: COLLECTION_FIELDS,
  load: loadEditableCollection,
  mayCreate: mayCreateCollection,
  mayEdit: mayEditCollection,
  create: createCollection,
  update: updateCollection,
  invalidate: (i) => i.units(),
  represent: (c): z.infer<typeof ZEditableCollection> => ({ ...c, links: { self: selfUrl("collections", c.id), html: `/collections/${c.slug}` } }),
  refusals: { create: "Your account may not add collections to this unit.", place: "Your account may not move the collection to that unit." },
};

// --- Endpoints ---

/** Store refusals: a save from an older version (412), a rule tied to a field (422), a record gone (404). */
function recordWrite<T extends Slugged, F extends object>(kind: RecordKind<T, F>, endpoint: WriteEndpoint): WriteEndpoint {
  return mapErrors((error) => {
    if (error instanceof RecordConflictError) return preconditionFailed(error.current, kind.noun).response;
    if (error instanceof RecordRuleError) return fieldErrorsProblem([{ name: error.field, code: error.code, reason: MESSAGES[error.code] ?? error.code }]);
    if (error instanceof RecordNotFoundError) return notFound(kind.noun).response;
    return undefined;
  }, endpoint);
}

function respond<T extends Slugged, F extends object>(kind: RecordKind<T, F>, record: T, status = 200, headers: Record<string, string> = {}): Response {
  return editableResponse(kind.represent(record), record, status, headers);
}

/** POST /curate/{researchers,units,collections} — a new record where the caller may put it. */
export function createRecordEndpoint<T extends Slugged, F extends object>(kind: RecordKind<T, F>): WriteEndpoint {
  return recordWrite(kind, async ({ request, sql, user, invalidate }) => {
    const fields = parseBody(kind.schema, await readJsonBody(request), MESSAGES);
    if (!(await kind.mayCreate(sql, user, fields))) return forbiddenProblem(kind.refusals.create);
    const record = await kind.create(sql, fields, user.id);
    kind.invalidate(invalidate, record, record);
    return respond(kind, record, 201, { Location: selfUrl(kind.segment, record.id) });
  });
}

async function editableRecord<T extends Slugged, F extends object>(kind: RecordKind<T, F>, sql: Sql, user: PermissionUser, params: Record<string, string>): Promise<T> {
  const id = recordId(params, kind.noun);
  const record = await kind.load(sql, id);
  if (!record) throw notFound(kind.noun);
  if (!(await kind.mayEdit(sql, user, { id } as { id: number } & Partial<F>))) throw new InvalidInput(forbiddenProblem(`Your account may not edit this ${kind.noun}.`));
  return record;
}

/** GET /curate/{…}/{id} — the record as it is edited, with its ETag. */
export function getEditableRecordEndpoint<T extends Slugged, F extends object>(kind: RecordKind<T, F>, params: Record<string, string>): WriteEndpoint {
  return recordWrite(kind, async ({ sql, user }) => respond(kind, await editableRecord(kind, sql, user, params)));
}

/**
 * PUT /curate/{…}/{id} replaces every field (what is left out is emptied, as in the editor);
 * PATCH changes only the fields sent. Either way the result is validated whole, and a new place
 * (units, parent, owning unit) needs the rights the editor asks for.
 */
export function updateRecordEndpoint<T extends Slugged, F extends object>(kind: RecordKind<T, F>, params: Record<string, string>, mode: "replace" | "merge"): WriteEndpoint {
  return recordWrite(kind, async ({ request, sql, user, invalidate }) => {
    const current = await editableRecord(kind, sql, user, params);
    const version = requireVersion(request, current, kind.noun);
    const body = await readJsonBody(request);
    const fields = parseBody(kind.schema, mode === "merge" ? { ...pickFields(kind.fields, current as unknown as F), ...body } : body, MESSAGES);
    if (!(await kind.mayEdit(sql, user, { ...fields, id: current.id }))) return forbiddenProblem(kind.refusals.place);
    const { before, after } = await kind.update(sql, current.id, version, fields, user.id);
    kind.invalidate(invalidate, before, after);
    return respond(kind, after);
  });
}
