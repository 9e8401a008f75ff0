// Check digits and formats of the identifiers the demonstration data carries (ISSN, ISBN-13,
// ORCID, handles, slugs), so that validators in the application accept every generated value.

/** ISSN "NNNN-NNNC" from seven digits (ISO 3297: weights 8..2, mod 11, 10 → X). */
export function issnFromDigits(seven: string): string {
  if (!/^\d{7}$/.test(seven)) throw new Error(`ISSN stem must be 7 digits: ${seven}`);
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(seven[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return `${seven.slice(0, 4)}-${seven.slice(4)}${check === 10 ? "X" : check}`;
}

export function isValidIssn(issn: string): boolean {
  const m = /^(\d{4})-(\d{3})([\dX])$/.exec(issn);
  return m !== null && issnFromDigits(m[1] + m[2]) === issn;
}

/** ISBN-13 check digit (weights 1, 3 alternating, mod 10). */
export function isbn13CheckDigit(twelve: string): number {
  if (!/^\d{12}$/.test(twelve)) throw new Error(`ISBN-13 stem must be 12 digits: ${twelve}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** "978-89-5566-123-4" from the prefix, registration group, registrant and publication parts. */
export function formatIsbn13(prefix: string, group: string, registrant: string, publication: string): string {
  const check = isbn13CheckDigit(prefix + group + registrant + publication);
  return `${prefix}-${group}-${registrant}-${publication}-${check}`;
}

export function isValidIsbn13(isbn: string): boolean {
  const digits = isbn.replace(/-/g, "");
  return /^97[89]\d{10}$/.test(digits) && isbn13CheckDigit(digits.slice(0, 12)) === Number(digits[12]);
}

/** ORCID check character (ISO 7064 MOD 11-2) of the first 15 digits. */
export function orcidCheckCharacter(fifteen: string): string {
  if (!/^\d{15}$/.test(fifteen)) throw new Error(`ORCID stem must be 15 digits: ${fifteen}`);
  let total = 0;
  for (const ch of fifteen) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? "X" : String(result);
}

/** "0000-000X-XXXX-XXXC" from the 15 leading digits. */
export function formatOrcid(fifteen: string): string {
  const all = fifteen + orcidCheckCharacter(fifteen);
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

export function isValidOrcid(orcid: string): boolean {
  const m = /^(\d{4})-(\d{4})-(\d{4})-(\d{3})([\dX])$/.exec(orcid);
  return m !== null && orcidCheckCharacter(m[1] + m[2] + m[3] + m[4]) === m[5];
}

/** URL-safe, lower-case ASCII slug: "Koo, Ja Wook" → "koo-ja-wook". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function formatHandle(prefix: string, n: number): string {
  return `${prefix}/${n}`;
}
