// The per-record import report, as CSV (for a spreadsheet) and JSON (for the workspace and
// scripts): what the dry run decided for each record and, after a real run, what happened.
import { toCsv, type CsvValue } from "../export/csv";
import type { CommitResult } from "./commit";
import type { ContributorMatch, ImportPlan, PlanEntry } from "./plan";

export type ReportRow = {
  position: number;
  locator: string;
  sourceId: string | null;
  /** create / update / duplicate / reject in a dry run; created / updated / skipped / failed / … after a real run. */
  action: string;
  reasons: string[];
  /** One stable code per reason, for translated labels: see reasonCode(). */
  reasonCodes: ReasonCode[];
  warnings: string[];
  title: string | null;
  year: number | null;
  doi: string | null;
  duplicateOf: string | null;
  updateFields: string[];
  handle: string | null;
  contributors: { name: string; role: string; orcid: string | null; researcher: string | null; basis: string; detail: string | null }[];
};

export type ImportReport = {
  format: string;
  source: string;
  encoding: string | null;
  collection: string;
  mode: "dry-run" | "commit";
  notes: string[];
  counts: Record<string, number>;
  batches?: CommitResult["batches"];
  rows: ReportRow[];
};

export const REASON_CODES = [
  "missing-title",
  "bad-year",
  "bad-date",
  "unknown-type",
  "bad-doi",
  "truncated",
  "unparseable",
  "empty-record",
  "deleted",
  "duplicate",
  "batch-failed",
  "invalid-field",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The stable code of a reason the engine wrote (its wording may change; the code does not). */
export function reasonCode(reason: string): ReasonCode {
  if (reason.startsWith("missing title")) return "missing-title";
  if (reason.startsWith("bad year")) return "bad-year";
  if (/^bad (date|month|day)/.test(reason)) return "bad-date";
  if (reason.startsWith("unknown type")) return "unknown-type";
  if (reason.startsWith("bad DOI")) return "bad-doi";
  if (reason.startsWith("truncated")) return "truncated";
  if (reason.startsWith("unparseable")) return "unparseable";
  if (reason.startsWith("empty record")) return "empty-record";
  if (reason.startsWith("deleted")) return "deleted";
  if (reason.startsWith("same ") || reason.startsWith("skipped")) return "duplicate";
  if (/^batch \d+ rolled back/.test(reason)) return "batch-failed";
  return "invalid-field";
}

const DONE: Record<string, string> = { create: "created", update: "updated", duplicate: "duplicate", reject: "rejected" };

export function buildReport(plan: ImportPlan, commit?: CommitResult): ImportReport {
  const rows = plan.entries.map((e) => row(e, commit));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.action] = (counts[r.action] ?? 0) + 1;
  counts.total = rows.length;
  counts.contributorsMatched = plan.counts.contributorsMatched;
  return {
    format: plan.format,
    source: plan.source,
    encoding: plan.encoding ?? null,
    collection: plan.collection.slug,
    mode: commit ? "commit" : "dry-run",
    notes: plan.notes,
    counts,
    batches: commit?.batches,
    rows,
  };
}

function row(e: PlanEntry, commit?: CommitResult): ReportRow {
  let action: string = e.action;
  const reasons = [...e.reasons];
  let handle: string | null = e.duplicateOf?.handle ?? null;
  if (commit) {
    action = DONE[e.action];
    if (e.action === "create" || e.action === "update") {
      const failure = commit.failures.get(e.position);
      if (failure) {
        action = failure.startsWith("skipped") ? "duplicate" : "failed";
        reasons.push(failure);
      } else handle = commit.handles.get(e.position) ?? handle;
    }
  } else if (e.action === "create") handle = null;
  return {
    position: e.position,
    locator: e.locator,
    sourceId: e.sourceId ?? null,
    action,
    reasons,
    reasonCodes: reasons.map(reasonCode),
    warnings: e.warnings,
    title: e.title ?? null,
    year: e.year ?? null,
    doi: e.doi ?? null,
    duplicateOf: e.duplicateOf ? (e.duplicateOf.handle ?? `record ${e.duplicateOf.position}`) : null,
    updateFields: e.updateFields ?? [],
    handle,
    contributors: e.contributors.map(contributorCell),
  };
}

function contributorCell(c: ContributorMatch) {
  return {
    name: c.name,
    role: c.role,
    orcid: c.orcid,
    researcher: c.researcher?.slug ?? null,
    basis: c.unlinked ? "unticked" : c.basis,
    detail: c.unlinked ? `${c.unlinked.slug}, unticked by the curator` : (c.detail ?? null),
  };
}

export function reportToJson(report: ImportReport): string {
  return JSON.stringify(report, null, 2);
}

const CSV_HEADER = ["position", "locator", "source_id", "action", "reason_codes", "reasons", "warnings", "title", "year", "doi", "duplicate_of", "update_fields", "handle", "contributors", "researcher_matches"];

export function reportToCsv(report: ImportReport): string {
  const rows: CsvValue[][] = [];
  for (const r of report.rows) {
    const matches = r.contributors
      .filter((c) => c.basis !== "none")
      .map((c) => `${c.name} → ${c.researcher ?? "(not linked)"} [${c.basis}${c.detail ? `: ${c.detail}` : ""}]`);
    rows.push([
        r.position,
        r.locator,
        r.sourceId,
        r.action,
        r.reasonCodes.join(" "),
        r.reasons.join("; "),
        r.warnings.join("; "),
        r.title,
        r.year,
        r.doi,
        r.duplicateOf,
        r.updateFields.join(" "),
        r.handle,
        r.contributors.map((c) => c.name).join("; "),
      matches.join("; "),
    ]);
  }
  return toCsv(CSV_HEADER, rows);
}

/** A few lines for a terminal: counts, notes, then one line per record that is not a plain create. */
export function describeReport(report: ImportReport, options: { maxLines?: number } = {}): string {
  const c = report.counts;
  const order = report.mode === "commit" ? ["created", "updated", "duplicate", "rejected", "failed"] : ["create", "update", "duplicate", "reject"];
  const label: Record<string, string> = {
    create: "would create",
    update: "would update",
    duplicate: report.mode === "commit" ? "skipped as duplicates" : "would skip as duplicates",
    reject: "rejected",
    created: "created",
    updated: "updated",
    rejected: "rejected",
    failed: "failed (batch rolled back)",
  };
  const out = [
    `${report.mode === "commit" ? "Imported" : "Dry run of"} ${c.total} record(s) from ${report.source} (${report.format}${report.encoding ? `, ${report.encoding}` : ""}) into ${report.collection}:`,
    "  " + order.map((k) => `${c[k] ?? 0} ${label[k]}`).join(", ") + `; ${c.contributorsMatched} contributor(s) linked to researchers.`,
    ...report.notes.map((n) => `  note: ${n}`),
  ];
  const handles = report.rows.filter((r) => r.action === "created" && r.handle).map((r) => r.handle!);
  if (handles.length) out.push(`  new handles: ${handles.length === 1 ? handles[0] : `${handles[0]} … ${handles.at(-1)}`}`);
  for (const b of report.batches ?? []) if (!b.ok) out.push(`  ${b.error}`);
  const interesting = report.rows.filter((r) => r.action !== "create" && r.action !== "created");
  const max = options.maxLines ?? 40;
  for (const r of interesting.slice(0, max)) {
    out.push(`  #${r.position} ${r.locator}: ${r.action}${r.reasons.length ? ` — ${r.reasons.join("; ")}` : ""}${r.title ? ` — "${r.title.slice(0, 70)}"` : ""}`);
  }
  if (interesting.length > max) out.push(`  … and ${interesting.length - max} more (see the report file).`);
  return out.join("\n");
}
