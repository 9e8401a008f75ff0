"use client";
// The header search box with suggestions as you type: an ARIA 1.2 combobox (input + listbox of
// researchers, units and publications from /api/v1/suggest). Arrow keys move through the
// suggestions, Enter opens the chosen one (or submits the search when none is chosen), Escape
// closes the list and then clears the box. Requests wait for a pause in typing and a newer one
// aborts the older. Without JavaScript this is a plain input of the GET form around it.
import { useEffect, useId, useRef, useState } from "react";
import type { Lang } from "@/lib/i18n/config";
import type { SearchMessages } from "@/lib/i18n/messages-search";

type Option = { key: string; group: Group; label: string; detail: string | null; href: string };
type Group = "researchers" | "units" | "items";
type Answer = {
  researchers: { name: string; altName: string | null; unit: string | null; href: string }[];
  units: { name: string; altName: string | null; href: string }[];
  items: { title: string; year: number | null; href: string }[];
};

const DEBOUNCE_MS = 150;
const GROUPS: Group[] = ["researchers", "units", "items"];

function toOptions(answer: Answer): Option[] {
  return [
    ...answer.researchers.map((r) => ({ key: r.href, group: "researchers" as const, label: r.name, detail: [r.altName, r.unit].filter(Boolean).join(" · ") || null, href: r.href })),
    ...answer.units.map((u) => ({ key: u.href, group: "units" as const, label: u.name, detail: u.altName, href: u.href })),
    ...answer.items.map((i) => ({ key: i.href, group: "items" as const, label: i.title, detail: i.year ? String(i.year) : null, href: i.href })),
  ];
}

export function SearchSuggest({
  id,
  lang,
  placeholder,
  className,
  t,
}: {
  id: string;
  lang: Lang;
  placeholder: string;
  className: string;
  t: SearchMessages["suggest"];
}) {
  const listId = useId();
  const [value, setValue] = useState("");
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const request = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = value.trim();
    if (q.length < 2) {
      request.current?.abort(); // the list was cleared as the text changed
      return;
    }
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const res = await fetch(`/api/v1/suggest?${new URLSearchParams({ q, lang })}`, { signal: controller.signal });
        if (!res.ok) return;
        const found = toOptions((await res.json()) as Answer);
        setOptions(found);
        setActive(-1);
        setOpen(found.length > 0 && document.activeElement === input.current);
        setStatus(found.length === 0 ? t.none : found.length === 1 ? t.one : t.count.replace("{n}", String(found.length)));
      } catch {
        // Aborted by a newer request, or offline: the form still submits.
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, lang, t]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const change = (text: string) => {
    setValue(text);
    if (text.trim().length < 2) {
      setOptions([]);
      setStatus("");
      close();
    } else setOpen(true);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (options.length === 0) return;
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(e.key === "ArrowDown" ? 0 : options.length - 1);
        return;
      }
      const step = e.key === "ArrowDown" ? 1 : -1;
      // Past either end the focus returns to the text (active -1), as the APG pattern does.
      setActive((a) => (a + step + options.length + 1 + 1) % (options.length + 1) - 1);
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault();
      window.location.assign(options[active].href);
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        close();
      } else if (value) {
        e.preventDefault();
        change("");
      }
    }
  };

  const activeId = open && active >= 0 ? `${listId}-${active}` : undefined;
  return (
    <div className="relative min-w-0 flex-1">
      <input
        ref={input}
        id={id}
        name="q"
        type="search"
        value={value}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => options.length > 0 && setOpen(true)}
        onBlur={close}
        placeholder={placeholder}
        autoComplete="off"
        enterKeyHint="search"
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        className={className}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={placeholder}
        hidden={!open || options.length === 0}
        className="absolute left-0 right-0 top-full z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-line bg-surface py-1 shadow-lg sm:min-w-[28rem]"
      >
        {GROUPS.map((group) => {
          const inGroup = options.map((o, i) => ({ ...o, i })).filter((o) => o.group === group);
          if (inGroup.length === 0) return null;
          return (
            <div key={group} role="group" aria-labelledby={`${listId}-${group}`}>
              <div id={`${listId}-${group}`} role="presentation" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-muted">
                {t.groups[group]}
              </div>
              {inGroup.map(({ i, ...o }) => {
                return (
                  <div
                    key={o.key}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    // mousedown, not click: the input keeps its focus until the page changes.
                    onMouseDown={(e) => {
                      e.preventDefault();
                      window.location.assign(o.href);
                    }}
                    onMouseMove={() => setActive(i)}
                    className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-sunken text-accent" : "text-ink"}`}
                  >
                    <span className="line-clamp-2">{o.label}</span>
                    {o.detail ? <span className="block truncate text-xs text-muted">{o.detail}</span> : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      <div role="status" aria-live="polite" className="sr-only">
        {status}
      </div>
    </div>
  );
}
