// Bulk import of records: parse → plan (the dry run) → commit. The command line (scripts/import.ts)
// and the curator workspace both go through these functions; neither needs Next.js, so the
// caller invalidates cached pages itself after a commit made inside the server (see README).
//
//   const parsed = parseImportBytes(bytes, "ris", "export.ris");      // or harvestImport({ baseUrl, set })
//   const plan = await planImport(sql, parsed, { collection: "journal-articles" });
//   buildReport(plan)                                                   // the dry-run report (reportToCsv / reportToJson)
//   const done = await commitImport(sql, plan, { status: "DRAFT", userId });
//   buildReport(plan, done)                                             // what happened to each record
export { IMPORT_FORMATS, FORMAT_NAMES, DEFAULT_MAX_BYTES, ImportInputError, readImportFile, decodeText, sniffFormat, checkFormat, type ImportFormat } from "./input";
export { parseImportBytes, parseImportText, harvestImport, type ParseResult, type ParseOptions } from "./parse";
export { planImport, loadResearcherMatcher, ImportOptionsError, type ImportPlan, type PlanEntry, type PlanOptions, type ContributorMatch } from "./plan";
export { commitImport, getHandlePrefix, ImportCommitError, type CommitOptions, type CommitResult, type BatchResult } from "./commit";
export { buildReport, reportToCsv, reportToJson, describeReport, reasonCode, REASON_CODES, type ImportReport, type ReportRow, type ReasonCode } from "./report";
export { CSV_COLUMNS, csvTemplate } from "./csv-template";
export { ZImportRecord, validateRecord, type TImportRecord, type ParsedRecord } from "./record";
export type { HarvestOptions } from "./oai-harvest";
