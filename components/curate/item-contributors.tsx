"use client";
// The contributors editor: add, remove and reorder with buttons (keyboard friendly, no drag and
// drop needed), role, affiliation, ORCID and a link to a researcher profile found by typeahead.
import { useEffect, useId, useRef, useState } from "react";
import type { EditMessages } from "@/lib/i18n/messages-edit";
import { newKey, type ContributorValues } from "./item-form-values";
import { FIELD } from "./editor-parts";

const SMALL = "rounded-lg border border-line px-2.5 py-1 text-xs font-medium text-ink hover:border-accent hover:text-accent disabled:opacity-40";
export const CONTRIBUTOR_ROLE_KEYS = ["AUTHOR", "EDITOR", "ADVISOR", "TRANSLATOR", "INVENTOR", "OTHER"] as const;

type Suggestion = { id: number; slug: string; displayName: string; orcid: string | null };

function ResearcherPicker({ lang, text, onPick, label }: { lang: string; text: EditMessages; onPick: (s: Suggestion) => void; label: string }) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const id = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    if (q.trim().length < 2) return;
    const controller = new AbortController();
    timer.current = setTimeout(async () => {
      try {
        const res = await fetch(`/${lang}/curate/items/researchers?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!res.ok) return;
        const body = (await res.json()) as { researchers: Suggestion[] };
        setItems(body.researchers);
        setActive(body.researchers.length ? 0 : -1);
        setOpen(true);
      } catch {
        // aborted or offline: keep the previous list
      }
    }, 200);
    return () => controller.abort();
  }, [q, lang]);
  const pick = (s: Suggestion) => {
    onPick(s);
    setQ("");
    setItems([]);
    setOpen(false);
  };
  const showList = open && q.trim().length >= 2;
  return (
    <div className="relative">
      <label className="block text-sm">
        {label}
        <input
          role="combobox"
          aria-expanded={showList}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${id}-${active}` : undefined}
          aria-describedby={`${id}-help`}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(items.length - 1, a + 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === "Enter" && showList && items[active]) {
              e.preventDefault();
              pick(items[active]);
            } else if (e.key === "Escape") setOpen(false);
          }}
          className={FIELD}
        />
      </label>
      <span id={`${id}-help`} className="mt-1 block text-xs text-muted">
        {text.contributor.searchHelp}
      </span>
      {showList ? (
        <ul id={`${id}-list`} role="listbox" aria-label={label} className="absolute z-10 mt-1 max-h-60 w-full overflow-auto rounded-lg border border-line bg-surface py-1 shadow-lg">
          {items.length === 0 ? <li className="px-3 py-1.5 text-sm text-muted">{text.contributor.noMatch}</li> : null}
          {items.map((s, i) => (
            <li
              key={s.id}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
              className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-accent-soft" : ""}`}
            >
              {s.displayName}
              {s.orcid ? <span className="ml-2 text-xs text-muted">{s.orcid}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ContributorsEditor({
  lang,
  text,
  value,
  onChange,
  errors,
}: {
  lang: string;
  text: EditMessages;
  value: ContributorValues[];
  onChange: (next: ContributorValues[]) => void;
  errors: Record<string, string[]>;
}) {
  const t = text.contributor;
  const set = (i: number, patch: Partial<ContributorValues>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
    // keep the keyboard where the moved row went
    requestAnimationFrame(() => document.getElementById(`contrib-${next[i + d].key}-${d < 0 ? "up" : "down"}`)?.focus());
  };
  const err = (i: number, f: string) => errors[`contributors.${i}.${f}`]?.map((c) => text.errors[c] ?? text.errors.invalid)[0];
  return (
    <div>
      {value.length === 0 ? <p className="text-sm text-muted">{t.none}</p> : null}
      <ol className="space-y-3">
        {value.map((c, i) => {
          const legend = t.position.replace("{n}", String(i + 1));
          return (
            <li key={c.key}>
              <fieldset className="rounded-lg border border-line p-3">
                <legend className="px-1 text-sm font-medium">{legend}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  {(["name", "affiliation", "orcid"] as const).map((f) => {
                    const e = err(i, f);
                    const eid = `contrib-${c.key}-${f}-error`;
                    return (
                      <label key={f} className={`text-sm ${f === "name" ? "sm:col-span-2" : ""}`}>
                        {t[f]}
                        <input
                          name={`contributor-${f}`}
                          value={c[f]}
                          onChange={(ev) => set(i, { [f]: ev.target.value })}
                          aria-invalid={e ? true : undefined}
                          aria-describedby={e ? eid : undefined}
                          required={f === "name"}
                          className={FIELD}
                        />
                        {e ? (
                          <span id={eid} className="mt-1 block text-xs text-warn">
                            {e}
                          </span>
                        ) : null}
                      </label>
                    );
                  })}
                  <label className="text-sm">
                    {t.role}
                    <select value={c.role} onChange={(ev) => set(i, { role: ev.target.value })} className={FIELD}>
                      {CONTRIBUTOR_ROLE_KEYS.map((r) => (
                        <option key={r} value={r}>
                          {text.roles[r]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <div className="sm:col-span-2">
                    {c.researcherId ? (
                      <p className="flex flex-wrap items-center gap-2 text-sm">
                        <span>{t.linked.replace("{name}", c.researcherName || `#${c.researcherId}`)}</span>
                        <button type="button" className={SMALL} onClick={() => set(i, { researcherId: "", researcherName: "" })}>
                          {t.unlink}
                        </button>
                      </p>
                    ) : (
                      <ResearcherPicker
                        lang={lang}
                        text={text}
                        label={`${t.search} (${legend})`}
                        onPick={(s) => set(i, { researcherId: String(s.id), researcherName: s.displayName, orcid: c.orcid || s.orcid || "", name: c.name || s.displayName })}
                      />
                    )}
                    {err(i, "researcherId") ? <span className="mt-1 block text-xs text-warn">{err(i, "researcherId")}</span> : null}
                  </div>
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  <button type="button" id={`contrib-${c.key}-up`} className={SMALL} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t.up}: ${c.name || legend}`}>
                    ↑ {t.up}
                  </button>
                  <button type="button" id={`contrib-${c.key}-down`} className={SMALL} disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={`${t.down}: ${c.name || legend}`}>
                    ↓ {t.down}
                  </button>
                  <button type="button" className={`${SMALL} text-warn`} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={`${t.remove}: ${c.name || legend}`}>
                    {t.remove}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className={`${SMALL} mt-3`}
        onClick={() => onChange([...value, { key: newKey(), name: "", role: "AUTHOR", affiliation: "", orcid: "", researcherId: "", researcherName: "" }])}
      >
        + {t.add}
      </button>
    </div>
  );
}
