// The editor layouts of researchers, units and collections: which fields, in which sections, with
// which choices. Built on the server from the unit tree and the user's rights (a unit the user does
// not cover is shown but cannot be chosen).
import type { UnitChoice } from "@/lib/curate/records";
import type { RecordMessages } from "@/lib/i18n/messages-records";
import type { RecordEditorText, RecordOption, RecordSection } from "./record-editor";

const indent = (u: UnitChoice) => `${"\u00a0\u00a0".repeat(u.depth)}${u.label.split(" › ").at(-1)}`;

function unitOptions(units: UnitChoice[], exclude?: number): RecordOption[] {
  // A unit and everything below it cannot be its own parent: left out of the parent choices.
  return units.filter((u) => exclude === undefined || !u.path.includes(exclude)).map((u) => ({ value: String(u.id), label: indent(u), disabled: !u.mayUse }));
}

export function editorText(t: RecordMessages): RecordEditorText {
  return { fields: t.fields, help: t.help, errors: t.errors, save: t.save, create: t.create, saving: t.saving, saved: t.saved, unsaved: t.unsaved, version: t.version, conflict: t.conflict };
}

export function researcherSections(t: RecordMessages, units: UnitChoice[]): RecordSection[] {
  const options = unitOptions(units);
  return [
    {
      id: "sec-names",
      title: t.sections.names,
      fields: [
        { name: "displayName", required: true, wide: true },
        { name: "familyName" },
        { name: "givenName" },
        { name: "nameVariants", kind: "textarea", rows: 3, wide: true },
        { name: "slug", required: true, dir: "ltr", wide: true },
      ],
    },
    {
      id: "sec-affiliation",
      title: t.sections.affiliation,
      fields: [
        { name: "position" },
        { name: "altPosition" },
        { name: "primaryUnitId", kind: "select", options, empty: t.none },
        { name: "unitIds", kind: "multiselect", options },
      ],
    },
    {
      id: "sec-contact",
      title: t.sections.contact,
      fields: [
        { name: "email", kind: "email", dir: "ltr" },
        { name: "showEmail", kind: "checkbox" },
        { name: "orcid", dir: "ltr" },
        { name: "scopusId", dir: "ltr" },
        { name: "researcherIdWos", dir: "ltr" },
        { name: "links", kind: "textarea", rows: 3, wide: true },
      ],
    },
    {
      id: "sec-about",
      title: t.sections.about,
      fields: [
        { name: "biography", kind: "textarea", rows: 6, wide: true },
        { name: "altBiography", kind: "textarea", rows: 6, wide: true },
        { name: "researchInterests", kind: "textarea", rows: 4, wide: true },
      ],
    },
  ];
}

const names = (t: RecordMessages) => ({
  id: "sec-names",
  title: t.sections.names,
  fields: [
    { name: "name", required: true },
    { name: "altName" },
    { name: "slug", required: true, dir: "ltr" as const },
    { name: "altLang", dir: "ltr" as const },
  ],
});

const description = (t: RecordMessages) => ({
  id: "sec-description",
  title: t.sections.description,
  fields: [
    { name: "description", kind: "textarea" as const, rows: 5, wide: true },
    { name: "altDescription", kind: "textarea" as const, rows: 5, wide: true },
  ],
});

export function unitSections(t: RecordMessages, units: UnitChoice[], unitId?: number): RecordSection[] {
  return [names(t), description(t), { id: "sec-place", title: t.sections.place, fields: [{ name: "parentId", kind: "select", options: unitOptions(units, unitId), empty: t.topLevel, wide: true }] }];
}

export function collectionSections(t: RecordMessages, units: UnitChoice[]): RecordSection[] {
  return [names(t), description(t), { id: "sec-place", title: t.sections.unit, fields: [{ name: "unitId", kind: "select", options: unitOptions(units), empty: "—", required: true, wide: true }] }];
}
