// Items for the export tests: the model record (data/seed-item.json, read at test time) and richer
// ones with a DOI, keywords, a book chapter with an ISBN, a Korean title and hostile characters.
import fs from "node:fs";
import path from "node:path";
import type { ExportableContributor, ExportableItem } from "./csl";
import type { ExportRecord } from "./respond";

export const BASE_URL = "https://atrium.example.org";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** shared/ sits beside the repository (also in CI); the demonstration data carries a copy. */
const SEED_ITEM_CANDIDATES = [path.join(REPO_ROOT, "../shared/data/seed-item.json"), path.join(REPO_ROOT, "lib/seed/data/seed-item.json")];

export type SeedJson = {
  handle: string;
  uri: string;
  type: string;
  title: string;
  authors: string[];
  issueDate: string;
  publisher: string;
  citation: string;
  pages: number;
  journalTitle: string;
  volume: string;
  number: string;
  startPage: string;
  endPage: string;
  issn: string;
  abstract: string;
  relatedResearchers: { name: string }[];
  rights: string;
};

export function readSeedJson(): SeedJson {
  const file = SEED_ITEM_CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`seed-item.json not found; looked in ${SEED_ITEM_CANDIDATES.join(", ")}`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as SeedJson;
}

type LinkedContributor = ExportableContributor & { orcid: string | null; researcher: { slug: string } | null };

/** The seed record as getPublicItem() returns it: authors in order, Koo linked to his researcher page. */
export function seedItem(): ExportRecord & { contributors: LinkedContributor[] } {
  const seed = readSeedJson();
  const linked = new Set(seed.relatedResearchers.map((r) => r.name));
  return {
    status: "PUBLISHED",
    handle: seed.handle,
    uri: seed.uri,
    type: "JOURNAL_ARTICLE",
    title: seed.title,
    alternativeTitle: null,
    alternativeTitleLang: null,
    contributors: seed.authors.map((name, position) => ({
      name,
      position,
      role: "AUTHOR",
      orcid: null,
      researcher: linked.has(name) ? { slug: "koo-ja-wook" } : null,
    })),
    issueDate: seed.issueDate,
    publisher: seed.publisher,
    citation: seed.citation,
    journalTitle: seed.journalTitle,
    bookTitle: null,
    conferenceName: null,
    volume: seed.volume,
    number: seed.number,
    startPage: seed.startPage,
    endPage: seed.endPage,
    pageCount: seed.pages,
    issn: seed.issn,
    eissn: null,
    isbn: null,
    doi: null,
    abstract: seed.abstract,
    keywords: [],
    language: "en",
    license: null,
    rights: seed.rights,
  };
}

/** Characters that break naive BibTeX, RIS, EndNote, XML and HTML writers. */
export const HOSTILE = `<script>alert("x")</script> & {unbalanced} } 100% $x_1$ #2 ~^ \\emph{no} 'q' "dq" ]]>`;

/** A Korean book chapter with an English alternative title, a DOI, an ISBN, keywords, an editor. */
export function chapterItem(): ExportRecord {
  return {
    status: "PUBLISHED",
    handle: "2023.sw.kbri/2045",
    uri: null,
    type: "BOOK_CHAPTER",
    title: `우울증 치료에서 글루탐산 가설의 재검토 ${HOSTILE}`,
    alternativeTitle: "Revisiting the glutamate hypothesis in the treatment of depression",
    alternativeTitleLang: "en",
    contributors: [
      { name: "구, 자욱", role: "AUTHOR", position: 0 },
      { name: "Müller-Lüdenscheidt, Jürgen", role: "AUTHOR", position: 1 },
      { name: "O'Brien, Seán", role: "AUTHOR", position: 2 },
      { name: "Korea Brain Research Institute", role: "AUTHOR", position: 3 },
      { name: "Park, Ji-Hoon", role: "EDITOR", position: 4 },
    ],
    issueDate: "2021-11-05",
    publisher: "Springer & Sons {Seoul}",
    journalTitle: null,
    bookTitle: "Handbook of <Depression> & Its {Treatment}: 50% Revised",
    conferenceName: null,
    placeOfPublication: "Seoul",
    edition: "2",
    volume: "4",
    number: null,
    startPage: "101",
    endPage: "125",
    pageCount: 25,
    issn: null,
    eissn: null,
    isbn: "978-3-16-148410-0",
    doi: "https://doi.org/10.1007/978-3-030-12345-6_7",
    abstract: `첫 문단: 글루탐산과 케타민.\r\n\r\nSecond paragraph with ${HOSTILE}\nand a line break.`,
    keywords: ["glutamate", "우울증", "NMDA receptor; ketamine"],
    language: "ko",
    license: "https://creativecommons.org/licenses/by/4.0/",
  };
}

/** A journal article with hostile characters everywhere, a DOI and three Korean-romanised authors. */
export function hostileArticle(): ExportRecord {
  return {
    status: "PUBLISHED",
    handle: "2024.sw.kbri/7",
    uri: null,
    type: "JOURNAL_ARTICLE",
    title: `The {Role} of <i>Glutamate</i> in ${HOSTILE}`,
    alternativeTitle: null,
    contributors: [
      { name: "Lee, Seung-Hwan", role: "AUTHOR", position: 0 },
      { name: "Kim, Tae-Eun", role: "AUTHOR", position: 1 },
      { name: "Choi, Min {Jun}", role: "AUTHOR", position: 2 },
    ],
    issueDate: "2024",
    publisher: "KOREAN COLL NEUROPSYCHOPHARMACOLOGY",
    journalTitle: "Journal of <Tests> & {Braces}",
    bookTitle: null,
    conferenceName: null,
    volume: "22",
    number: "1",
    startPage: "e15",
    endPage: "e30",
    pageCount: null,
    issn: "1738-1088",
    eissn: "2093-4327",
    isbn: null,
    doi: "10.9758/CPN.2024.22.1.E15",
    abstract: null,
    keywords: ["depression", "NMDA"],
    language: "en",
    license: null,
  };
}

/** Fields every fixture states, for tests that build an item of their own. */
export function minimalItem(overrides: Partial<ExportableItem> = {}): ExportableItem {
  return {
    handle: "1/1",
    uri: null,
    type: "OTHER",
    title: "Untitled",
    alternativeTitle: null,
    contributors: [],
    issueDate: null,
    publisher: null,
    journalTitle: null,
    bookTitle: null,
    conferenceName: null,
    volume: null,
    number: null,
    startPage: null,
    endPage: null,
    pageCount: null,
    issn: null,
    eissn: null,
    isbn: null,
    doi: null,
    abstract: null,
    keywords: [],
    language: null,
    license: null,
    ...overrides,
  };
}
