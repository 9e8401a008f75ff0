// Turns what a person typed into the search box into the pieces the search query needs: a
// PostgreSQL tsquery per clause (prefix matching on every word, quoted phrases, minus for
// exclusion, OR), the identifiers (DOI, handle, ISSN, ISBN) that should match exactly, and the
// terms to highlight. Pure functions, so the rules are unit-tested without a database.

/** One word or phrase of the query. `tsquery` is ready for to_tsquery('simple', unaccent(…)). */
export type QueryClause = {
  /** The words as typed, lower-cased, split the way PostgreSQL's parser splits them. */
  words: string[];
  phrase: boolean;
  negated: boolean;
  tsquery: string;
  /**
   * A Hangul term may sit inside a longer word ("질환" in "인지질환" is found by prefix only at the
   * word's start): a term of two syllables or more is also matched as a substring, which the
   * trigram index serves from three syllables and the Hangul bigram index for two.
   */
  substring: string | null;
};

export type ParsedQuery = {
  /** Clauses that must all match (an OR group counts as one clause, in `alternatives`). */
  clauses: QueryClause[][];
  /** Exact identifier forms to look up directly. */
  identifiers: Identifier[];
  /** Lower-cased words to highlight in results. */
  highlightTerms: string[];
};

export type Identifier = { kind: "doi" | "handle" | "issn" | "isbn"; value: string };

const WORD = /[\p{L}\p{N}]+/gu;
const HANGUL = /^[\p{Script=Hangul}]+$/u;
const MAX_CLAUSES = 16;

/** The tokens PostgreSQL's 'simple' parser makes of a word: runs of letters and digits. */
export function splitWords(text: string): string[] {
  return (text.toLowerCase().normalize("NFC").match(WORD) ?? []).slice(0, MAX_CLAUSES);
}

function quote(word: string): string {
  // Words hold only letters and digits, so quoting needs no escaping; quotes keep the tsquery
  // parser from reading a word as an operator.
  return `'${word}'`;
}

function makeClause(words: string[], phrase: boolean, negated: boolean): QueryClause {
  // A word typed with punctuation inside ("treatment-resistant", "정서·인지") is its parts in order.
  // Every clause is a prefix match on its last word (people search while typing, and a plural
  // or a Korean particle should not hide a match); a quoted phrase matches whole words exactly.
  const parts = words.map((w, i) => (phrase || i < words.length - 1 ? quote(w) : `${quote(w)}:*`));
  const tsquery = parts.length > 1 ? `(${parts.join(" <-> ")})` : parts[0];
  const single = words.length === 1 ? words[0] : null;
  const substring = !phrase && !negated && single && HANGUL.test(single) && single.length >= 2 ? single : null;
  return { words, phrase, negated, tsquery, substring };
}

export function findIdentifiers(raw: string): Identifier[] {
  const text = raw.trim();
  const found: Identifier[] = [];
  const doi = /(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)/i.exec(text);
  if (doi) found.push({ kind: "doi", value: doi[1].toLowerCase().replace(/[.,;]$/, "") });
  const handle = /(?:hdl:|https?:\/\/hdl\.handle\.net\/|\/handle\/)?(\b[0-9][\w.-]*\/\d+)\b/i.exec(text);
  if (handle && !doi) found.push({ kind: "handle", value: handle[1] });
  for (const m of text.matchAll(/\b(\d{4})-?(\d{3}[\dXx])\b/g)) found.push({ kind: "issn", value: `${m[1]}-${m[2].toUpperCase()}` });
  const isbn = /\b(97[89][\d-]{10,14}|\d[\d-]{8,11}[\dXx])\b/.exec(text);
  if (isbn) {
    const digits = isbn[1].replace(/-/g, "").toUpperCase();
    if (digits.length === 10 || digits.length === 13) found.push({ kind: "isbn", value: digits });
  }
  return found;
}

/**
 * Reads the query as websearch_to_tsquery does — words, "quoted phrases", -excluded words and
 * OR between alternatives — but makes every unquoted word a prefix match.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.normalize("NFC").slice(0, 500);
  const tokens: { text: string; phrase: boolean; negated: boolean; or: boolean }[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  for (const m of text.matchAll(re)) {
    if (m[2] !== undefined) tokens.push({ text: m[2], phrase: true, negated: m[1] === "-", or: false });
    else if (m[3] === "OR" || m[3] === "or" || m[3] === "|") tokens.push({ text: "", phrase: false, negated: false, or: true });
    else {
      const negated = m[3].startsWith("-") && m[3].length > 1;
      tokens.push({ text: negated ? m[3].slice(1) : m[3], phrase: false, negated, or: false });
    }
  }

  const groups: QueryClause[][] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token.or) {
      joinNext = groups.length > 0;
      continue;
    }
    const words = splitWords(token.text);
    if (words.length === 0) continue;
    const clause = makeClause(words, token.phrase, token.negated);
    // OR binds two positive neighbours; "a OR -b" is read as "a -b".
    if (joinNext && !clause.negated && !groups[groups.length - 1][0].negated) groups[groups.length - 1].push(clause);
    else groups.push([clause]);
    joinNext = false;
    if (groups.length >= MAX_CLAUSES) break;
  }
  // A query of nothing but exclusions would list the whole repository minus a word: ignore them.
  const clauses = groups.some((g) => !g[0].negated) ? groups : [];
  const highlightTerms = [...new Set(clauses.filter((g) => !g[0].negated).flatMap((g) => g.flatMap((c) => c.words)))];
  return { clauses, identifiers: findIdentifiers(text), highlightTerms };
}

/** A tsquery for ranking: any positive word counts. null when nothing positive was typed. */
export function rankingTsquery(parsed: ParsedQuery): string | null {
  const positive = parsed.clauses.filter((g) => !g[0].negated).flatMap((g) => g.map((c) => c.tsquery));
  return positive.length ? positive.join(" | ") : null;
}
