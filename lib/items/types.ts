// The item types, in the order forms, facets and browse lists show them. The one list: the
// editor's schema, the import record, the browse index and the API all take it from here, and a
// test keeps it equal to the `ItemType` enum of prisma/schema.prisma.
export const ITEM_TYPES = [
  "JOURNAL_ARTICLE",
  "CONFERENCE_PAPER",
  "BOOK",
  "BOOK_CHAPTER",
  "THESIS",
  "REPORT",
  "DATASET",
  "PATENT",
  "PRESENTATION",
  "OTHER",
] as const;
export type ItemTypeKey = (typeof ITEM_TYPES)[number];
