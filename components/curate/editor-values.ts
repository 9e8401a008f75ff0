"use client";
// The values an editor holds: the version last saved or loaded (`base`, version `version`), the
// curator's edits (`values`), after someone else saved first their version (`conflict`), and the
// outcome of the last save (`message`).
// The edits keep what was typed into the server-rendered form before the page's script ran: the
// hydrating render reads the controls (ids `field-<name>`) before React touches them and still
// renders the server's values, so that the markup matches; the render right after hydration shows
// what was typed.
import { useState, useSyncExternalStore, type Dispatch, type SetStateAction } from "react";

type Control = string | string[] | undefined;

/** `start` with each string or list field replaced by what its control holds, when that differs. */
export function withTyped<T extends object>(start: T, read: (name: string) => Control): T {
  const out: Record<string, unknown> = { ...(start as Record<string, unknown>) };
  for (const [name, value] of Object.entries(start)) {
    const typed = read(name);
    if (typeof value === "string" && typeof typed === "string") out[name] = typed;
    else if (Array.isArray(value) && value.every((x) => typeof x === "string") && Array.isArray(typed)) out[name] = typed;
  }
  return out as T;
}

/** The value a control holds now: text, "on"/"" for a checkbox, the chosen values of a multiple select. */
function controlValue(form: HTMLElement, name: string): Control {
  const el = form.querySelector(`#field-${CSS.escape(name)}`);
  if (el instanceof HTMLSelectElement) return el.multiple ? [...el.selectedOptions].map((o) => o.value) : el.value;
  if (el instanceof HTMLInputElement) return el.type === "checkbox" ? (el.checked ? "on" : "") : el.value;
  if (el instanceof HTMLTextAreaElement) return el.value;
  return undefined;
}

const noSubscription = () => () => {};

/** Like useState(start) for the values of the form with id `formId`, keeping text typed before hydration. */
export function useTypedValues<T extends object>(formId: string, start: T): [T, Dispatch<SetStateAction<T>>] {
  const hydrating = useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
  const [values, setValues] = useState(() => {
    const form = hydrating && typeof document !== "undefined" ? document.getElementById(formId) : null;
    return form ? withTyped(start, (name) => controlValue(form, name)) : start;
  });
  return [hydrating ? start : values, setValues];
}

/**
 * An editor's state (see the top of this file). `merge(base, mine, theirs)` puts the curator's
 * edits onto someone else's newer version.
 */
export function useEditorValues<T extends object>(formId: string, start: T, startVersion: number, merge: (base: T, mine: T, theirs: T) => T) {
  const [base, setBase] = useState(start);
  const [values, setValues] = useTypedValues(formId, start);
  const [version, setVersion] = useState(startVersion);
  const [conflict, setConflict] = useState<{ version: number; current: T } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  /** Now at version `v`, saved with `saved`; the curator holds `edited` (by default the same). */
  const settle = (saved: T, v: number, edited: T = saved) => {
    setBase(saved);
    setValues(edited);
    setVersion(v);
  };
  return {
    base,
    values,
    setValues,
    version,
    conflict,
    setConflict,
    message,
    setMessage,
    settle,
    /** After a conflict: the curator's edits put onto the other version; what to save, from which version. */
    reapplyMine(): [T, number] {
      if (!conflict) return [values, version];
      const merged = merge(base, values, conflict.current);
      settle(conflict.current, conflict.version, merged);
      return [merged, conflict.version];
    },
    /** After a conflict: the curator's edits dropped for the other version. */
    takeTheirs() {
      if (conflict) settle(conflict.current, conflict.version);
      setConflict(null);
      setMessage(null);
    },
  };
}
