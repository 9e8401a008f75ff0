// Records (researchers, units, collections) as the workspace's forms hold them: every field a
// string (lists one entry per line, checkboxes "on" or ""), or a list of strings for multiple
// choices. Also the three-way merge behind "reapply my edits" after a conflict.

export type RecordFormValues = Record<string, string | string[]>;

/** A stored value as a form value. */
export function toFormValue(v: unknown): string | string[] {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "on" : "";
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "number")) return v.map(String);
    return v.map((x) => (x && typeof x === "object" && "url" in x ? ((x as { label?: string }).label ? `${(x as { label: string }).label} | ${(x as { url: string }).url}` : String((x as { url: string }).url)) : String(x))).join("\n");
  }
  return String(v);
}

export function toFormValues(snapshot: Record<string, unknown>, fields: readonly string[]): RecordFormValues {
  return Object.fromEntries(fields.map((f) => [f, toFormValue(snapshot[f])]));
}

/** A comparable text of a field (lists sorted, so choosing in another order is no change). */
export function fieldText(values: RecordFormValues, field: string): string {
  const v = values[field];
  if (Array.isArray(v)) return [...v].sort().join("\n");
  return (v ?? "").replace(/\r\n?/g, "\n").trim();
}

/** My edits (fields changed from `base`) put onto `theirs`; fields I did not touch take their value. */
export function reapply(base: RecordFormValues, mine: RecordFormValues, theirs: RecordFormValues): RecordFormValues {
  const out: RecordFormValues = { ...theirs };
  for (const f of Object.keys(mine)) if (fieldText(mine, f) !== fieldText(base, f)) out[f] = mine[f];
  return out;
}

export function toFormData(values: RecordFormValues, extra: Record<string, string | number> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.set(k, String(v));
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) for (const x of v) form.append(`${k}[]`, x);
    else form.set(k, v);
  }
  return form;
}
