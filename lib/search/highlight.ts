// Marks the query's words in a title or an abstract. Done here rather than with ts_headline so
// that Hangul substrings and prefixes are marked the way they matched, and so that the page
// renders plain text segments (no HTML from the database).

export type Segment = { text: string; hit: boolean };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Accent folding of Latin letters, one character for one, so that offsets stay valid. */
function fold(s: string): string {
  return s.replace(/[\u00C0-\u024F]/g, (ch) => ch.normalize("NFD")[0]);
}

/** Splits text into segments; words that start with a term (or Hangul containing it) are hits. */
export function highlight(text: string, terms: string[]): Segment[] {
  const usable = terms.map(fold).filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  if (!text || usable.length === 0) return [{ text, hit: false }];
  // Latin terms mark the whole word they begin (prefix search); Hangul terms only themselves,
  // wherever they stand (particles and compounds follow them).
  const alternatives = usable.map((t) => (/\p{Script=Hangul}/u.test(t) ? escapeRegExp(t) : `(?<![\\p{L}\\p{N}])${escapeRegExp(t)}[\\p{L}\\p{N}]*`));
  const re = new RegExp(alternatives.join("|"), "giu");
  const source = fold(text);
  const segments: Segment[] = [];
  let last = 0;
  for (const m of source.matchAll(re)) {
    if (m[0].length === 0) continue;
    const start = m.index;
    if (start > last) segments.push({ text: text.slice(last, start), hit: false });
    segments.push({ text: text.slice(start, start + m[0].length), hit: true });
    last = start + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), hit: false });
  return segments;
}

/**
 * A window of the text around the first hit, about `length` characters, cut at spaces, with
 * ellipses where it was cut. The beginning when nothing matches.
 */
export function snippet(text: string, terms: string[], length = 260): Segment[] {
  const all = highlight(text, terms);
  if (text.length <= length) return all;
  let offset = 0;
  let firstHit = -1;
  for (const s of all) {
    if (s.hit) {
      firstHit = offset;
      break;
    }
    offset += s.text.length;
  }
  let start = firstHit < 0 ? 0 : Math.max(0, firstHit - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < firstHit ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + length / 2) end = space;
  }
  const window = highlight(text.slice(start, end), terms);
  if (start > 0) window.unshift({ text: "… ", hit: false });
  if (end < text.length) window.push({ text: " …", hit: false });
  return window;
}
