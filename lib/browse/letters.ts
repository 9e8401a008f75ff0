// The jump bar of the author, title and subject indexes: Latin letters A–Z, the fourteen basic
// Hangul initial consonants (가나다 order; a tense consonant such as ㄲ files under its plain one,
// as Korean dictionaries do) and one bucket for everything else (digits, symbols, other scripts).
// A romanised Korean name ("Koo, Ja Wook") is filed under its Latin letter.

export const LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz".split("");
export const HANGUL_LETTERS = ["ㄱ", "ㄴ", "ㄷ", "ㄹ", "ㅁ", "ㅂ", "ㅅ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
export const OTHER_LETTER = "other";
export const LETTERS = [...LATIN_LETTERS, ...HANGUL_LETTERS, OTHER_LETTER] as const;
export type Letter = string;

/** The 19 initial consonants of Unicode's precomposed syllables, in code point order, folded to the 14 of the bar. */
const INITIAL_OF_SYLLABLE = "ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ";
/** The 19 initial consonants as bare jamo, in the same order. */
const JAMO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const FIRST_SYLLABLE = 0xac00; // 가
const LAST_SYLLABLE = 0xd7a3; // 힣
const SYLLABLES_PER_INITIAL = 21 * 28;

export function isLetter(value: string): boolean {
  return (LETTERS as readonly string[]).includes(value);
}

/** The jump-bar letter under which a heading (a name, title or term) is filed. */
export function letterOf(heading: string): Letter {
  const first = heading.trimStart().codePointAt(0);
  if (first === undefined) return OTHER_LETTER;
  if (first >= FIRST_SYLLABLE && first <= LAST_SYLLABLE) return INITIAL_OF_SYLLABLE[Math.floor((first - FIRST_SYLLABLE) / SYLLABLES_PER_INITIAL)];
  // A bare consonant ("ㄱ") files under itself, folded like the syllables.
  const jamo = JAMO.indexOf(String.fromCodePoint(first));
  if (jamo >= 0) return INITIAL_OF_SYLLABLE[jamo];
  const c = String.fromCodePoint(first).toLowerCase();
  return c >= "a" && c <= "z" ? c : OTHER_LETTER;
}

/**
 * The same rule as letterOf, as a SQL expression over a text expression. Code points are compared
 * with the "C" collation so that both databases (whatever their default collation) agree.
 */
export function letterSql(expr: string): string {
  const first = `left(ltrim(${expr}), 1)`;
  return `(CASE
    WHEN ${first} COLLATE "C" BETWEEN '가' AND '힣'
      THEN substr('${INITIAL_OF_SYLLABLE}', (ascii(${first}) - ${FIRST_SYLLABLE}) / ${SYLLABLES_PER_INITIAL} + 1, 1)
    WHEN strpos('${JAMO}', ${first}) > 0 AND ${first} <> ''
      THEN substr('${INITIAL_OF_SYLLABLE}', strpos('${JAMO}', ${first}), 1)
    WHEN lower(${first}) COLLATE "C" BETWEEN 'a' AND 'z' THEN lower(${first})
    ELSE '${OTHER_LETTER}' END)`;
}

/**
 * A predicate true when `expr` files under `letter` (one of LETTERS: validated, so inlined), cheaper
 * than comparing letterSql: a Latin letter compares the first character, a Hangul consonant a
 * code point range of syllables plus its bare jamo.
 */
export function letterMatchSql(expr: string, letter: Letter): string {
  if (!isLetter(letter)) throw new Error(`not a browse letter: ${letter}`);
  const first = `left(ltrim(${expr}), 1)`;
  if (letter === OTHER_LETTER) return `${letterSql(expr)} = '${OTHER_LETTER}'`;
  const hangul = HANGUL_LETTERS.indexOf(letter);
  if (hangul < 0) return `${first} IN ('${letter}', '${letter.toUpperCase()}')`;
  const initial = (c: string) => INITIAL_OF_SYLLABLE.indexOf(c);
  const low = String.fromCodePoint(FIRST_SYLLABLE + initial(letter) * SYLLABLES_PER_INITIAL);
  const next = HANGUL_LETTERS[hangul + 1];
  const high = next ? String.fromCodePoint(FIRST_SYLLABLE + initial(next) * SYLLABLES_PER_INITIAL) : String.fromCodePoint(LAST_SYLLABLE + 1);
  const jamo = [...JAMO].filter((j, i) => INITIAL_OF_SYLLABLE[i] === letter).map((j) => `'${j}'`).join(", ");
  return `((${first} COLLATE "C" >= '${low}' AND ${first} COLLATE "C" < '${high}') OR ${first} IN (${jamo}))`;
}

/** Titles file under their first significant word, as library catalogues do ("The Role of …" under R). */
export function titleSortKey(title: string): string {
  return title.trimStart().replace(/^(the|an|a)\s+/i, "").toLowerCase();
}

/** titleSortKey in SQL (prefix tests rather than a regular expression: measured 3× cheaper at 100k items). */
export function titleSortKeySql(expr: string): string {
  const t = `ltrim(${expr})`;
  return `lower(CASE WHEN lower(left(${t}, 4)) = 'the ' THEN ltrim(substr(${t}, 5))
                     WHEN lower(left(${t}, 3)) = 'an ' THEN ltrim(substr(${t}, 4))
                     WHEN lower(left(${t}, 2)) = 'a ' THEN ltrim(substr(${t}, 3))
                     ELSE ${t} END)`;
}
