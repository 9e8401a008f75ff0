// The CSV columns Atrium imports, with their meaning: the single source for the parser, the
// downloadable template and the README table.

export type CsvColumn = { name: string; required?: boolean; multi?: boolean; description: string; example: string };

export const CSV_COLUMNS: CsvColumn[] = [
  { name: "title", required: true, description: "Title as printed", example: "Ketamine and glutamate signalling in depression" },
  { name: "type", description: "journal article, conference paper, book, book chapter, thesis, report, dataset, patent, presentation or other (default: other)", example: "journal article" },
  { name: "authors", multi: true, description: "Authors in order, each \"Family, Given\"", example: "Koo, Ja Wook; Kim, Jeongseop" },
  { name: "author_orcids", multi: true, description: "ORCID iDs in the same order as authors (leave a place empty for authors without one)", example: "0000-0002-1825-0097; " },
  { name: "author_affiliations", multi: true, description: "Affiliations in the same order as authors", example: "Korea Brain Research Institute; KAIST" },
  { name: "editors", multi: true, description: "Editors, each \"Family, Given\"", example: "" },
  { name: "issue_date", description: "YYYY, YYYY-MM or YYYY-MM-DD", example: "2023-08" },
  { name: "alternative_title", description: "Title in a second language", example: "우울증에서 케타민과 글루타메이트 신호" },
  { name: "alternative_title_lang", description: "ISO 639-1 code of the alternative title", example: "ko" },
  { name: "journal", description: "Journal title", example: "Molecular Psychiatry" },
  { name: "book_title", description: "Book (for chapters) or proceedings (for conference papers)", example: "" },
  { name: "conference", description: "Conference name", example: "" },
  { name: "publisher", description: "Publisher", example: "Springer Nature" },
  { name: "volume", description: "Volume", example: "28" },
  { name: "number", description: "Issue number", example: "4" },
  { name: "pages", description: "Page range \"start-end\" (or use start_page and end_page)", example: "1520-1531" },
  { name: "start_page", description: "First page or article number", example: "" },
  { name: "end_page", description: "Last page", example: "" },
  { name: "issn", description: "Print ISSN", example: "1359-4184" },
  { name: "eissn", description: "Electronic ISSN", example: "1476-5578" },
  { name: "isbn", description: "ISBN-10 or ISBN-13", example: "" },
  { name: "doi", description: "DOI, bare or as a URL (https://doi.org/…, doi:…)", example: "10.5555/example.2023.01" },
  { name: "handle", description: "Handle in the source repository (used to find duplicates; kept as the item's URI)", example: "" },
  { name: "abstract", description: "Abstract", example: "" },
  { name: "keywords", multi: true, description: "Keywords", example: "ketamine; depression; glutamate" },
  { name: "subjects", multi: true, description: "Subject headings", example: "" },
  { name: "language", description: "ISO 639-1 code of the content", example: "en" },
  { name: "license", description: "License URL or statement", example: "https://creativecommons.org/licenses/by/4.0/" },
  { name: "funding", multi: true, description: "Funders, each \"Funder\" or \"Funder: award number\"", example: "National Research Foundation of Korea: NRF-2021R1A2C1011111" },
];

/** The template a curator downloads: the header row and one example row. */
export function csvTemplate(): string {
  const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${CSV_COLUMNS.map((c) => c.name).join(",")}\n${CSV_COLUMNS.map((c) => quote(c.example)).join(",")}\n`;
}
