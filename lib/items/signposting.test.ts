import { describe, expect, it } from "vitest";
import { buildLinkset, linkHeader, linksetUrl } from "./signposting";

const base = "https://repo.example.org";
const seed = {
  handle: "2023.sw.kbri/1191",
  type: "JOURNAL_ARTICLE",
  doi: null,
  license: null,
  contributors: [{ orcid: null }, { orcid: "0000-0002-1825-0097" }],
  files: [] as { id: number; fileName: string; mimeType: string; isOpen: boolean }[],
};

/** A small RFC 8288 parser: splits on commas outside <…> and quotes. */
function parseLinks(header: string) {
  const links: { href: string; rel: string; type?: string }[] = [];
  for (const part of header.match(/<[^>]*>(?:\s*;\s*[a-z]+="[^"]*")*/g) ?? []) {
    const href = /<([^>]*)>/.exec(part)![1];
    const params = Object.fromEntries([...part.matchAll(/([a-z]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    links.push({ href, rel: params.rel, type: params.type });
  }
  return links;
}

describe("signposting", () => {
  it("cites the handle URL when there is no DOI, and the DOI when there is one", () => {
    const header = linkHeader(buildLinkset(seed, base), linksetUrl(base, seed.handle));
    const links = parseLinks(header);
    expect(links.filter((l) => l.rel === "cite-as")).toEqual([{ href: "https://repo.example.org/handle/2023.sw.kbri/1191", rel: "cite-as" }]);
    const withDoi = parseLinks(linkHeader(buildLinkset({ ...seed, doi: "10.5555/xyz" }, base), "x"));
    expect(withDoi.filter((l) => l.rel === "cite-as").map((l) => l.href)).toEqual(["https://doi.org/10.5555/xyz"]);
  });

  it("links authors' ORCIDs, the types, metadata and the linkset, separated by a comma and a space", () => {
    const header = linkHeader(buildLinkset(seed, base), linksetUrl(base, seed.handle));
    expect(header).not.toMatch(/ ,/);
    const links = parseLinks(header);
    expect(links).toContainEqual({ href: "https://orcid.org/0000-0002-1825-0097", rel: "author" });
    expect(links.filter((l) => l.rel === "type").map((l) => l.href)).toEqual(["https://schema.org/ScholarlyArticle", "https://schema.org/AboutPage"]);
    expect(links.filter((l) => l.rel === "describedby").length).toBeGreaterThanOrEqual(1);
    expect(links).toContainEqual({ href: "https://repo.example.org/handle/2023.sw.kbri/1191/linkset", rel: "linkset", type: "application/linkset+json" });
  });

  it("stays under 2 KB with hundreds of files; the linkset keeps them all", () => {
    const files = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, fileName: `supplement-${i + 1}.pdf`, mimeType: "application/pdf", isOpen: i % 3 !== 0 }));
    const linkset = buildLinkset({ ...seed, files }, base);
    const header = linkHeader(linkset, linksetUrl(base, seed.handle));
    expect(header.length).toBeLessThanOrEqual(2000);
    expect(parseLinks(header).filter((l) => l.rel === "item").length).toBeGreaterThanOrEqual(1);
    expect(linkset.linkset[0].item).toHaveLength(200);
    // Every open file points back to its landing page.
    const fileContexts = linkset.linkset.filter((c) => c.anchor.includes("/files/"));
    expect(fileContexts).toHaveLength(200);
    expect(fileContexts[0]).toEqual({ anchor: "https://repo.example.org/files/2/supplement-2.pdf", collection: [{ href: "https://repo.example.org/handle/2023.sw.kbri/1191", type: "text/html" }] });
  });

  it("never links closed files", () => {
    const linkset = buildLinkset({ ...seed, files: [{ id: 9, fileName: "x.pdf", mimeType: "application/pdf", isOpen: false }] }, base);
    expect(linkset.linkset[0].item).toBeUndefined();
  });
});
