// A list field's change element by element: which entries of the earlier list are gone from the
// later one, and which of the later one are new (an entry listed twice counts twice).

export type Marked = { text: string; changed: boolean };

/** Each entry of `side`, marked changed when `other` does not hold it (as often). */
function mark(side: string[], other: string[]): Marked[] {
  const left = new Map<string, number>();
  for (const x of other) left.set(x, (left.get(x) ?? 0) + 1);
  return side.map((text) => {
    const n = left.get(text) ?? 0;
    if (n > 0) left.set(text, n - 1);
    return { text, changed: n === 0 };
  });
}

/** The entries before (changed: removed) and after (changed: added). */
export function listDiff(before: string[], after: string[]): { before: Marked[]; after: Marked[] } {
  return { before: mark(before, after), after: mark(after, before) };
}
