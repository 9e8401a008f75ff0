// The records the workspace edits besides items: researchers, units and collections. How their
// pages load one (its name, slug, version and editable fields) and check the right to edit it.
import type { GuardUser } from "@/lib/auth/guard";
import { pickFields } from "@/lib/curate/audit";
import { access, getEditableCollection, getEditableResearcher, getEditableUnit } from "@/lib/curate/records";
import type { RestorableType } from "@/lib/curate/restore";
import { RESEARCHER_FIELDS } from "@/lib/curate/researchers/schema";
import { COLLECTION_FIELDS, UNIT_FIELDS } from "@/lib/curate/units/schema";

export type RecordKind = RestorableType;

export type EditableRecord = { name: string; slug: string; version: number; photoKey: string | null; fields: Record<string, unknown> };

export async function loadRecord(kind: RecordKind, id: number): Promise<EditableRecord | null> {
  if (kind === "researcher") {
    const r = await getEditableResearcher(id);
    return r && { name: r.displayName, slug: r.slug, version: r.version, photoKey: r.photoKey, fields: pickFields(RESEARCHER_FIELDS, r) as Record<string, unknown> };
  }
  if (kind === "unit") {
    const r = await getEditableUnit(id);
    return r && { name: r.name, slug: r.slug, version: r.version, photoKey: null, fields: pickFields(UNIT_FIELDS, r) as Record<string, unknown> };
  }
  const r = await getEditableCollection(id);
  return r && { name: r.name, slug: r.slug, version: r.version, photoKey: null, fields: pickFields(COLLECTION_FIELDS, r) as Record<string, unknown> };
}

export function mayEditRecord(kind: RecordKind, user: GuardUser, id: number): Promise<boolean> {
  const may = kind === "researcher" ? access.editResearcher : kind === "unit" ? access.editUnit : access.editCollection;
  return may(user, { id });
}
