// FAIR Signposting for item pages (https://signposting.org/FAIR/): a level-2 linkset
// (RFC 9264, application/linkset+json) at a stable URL, and the level-1 HTTP Link header derived
// from it — kept small: a few files at most, the rest reachable through the linkset.
import { EXPORT_MEDIA, exportPath, type ExportFormat } from "../export/media";
import { doiUrl } from "./format";
import { schemaOrgType } from "./scholar-meta";

/** Metadata downloads, richest first: the first is the one the Link header always keeps. */
const DESCRIBED_BY: ExportFormat[] = ["dc-xml", "bibtex", "ris", "csl-json", "endnote"];
const describedBy = (base: string, handle: string) =>
  DESCRIBED_BY.map((format) => ({ href: `${base}${exportPath(handle, format)}`, type: EXPORT_MEDIA[format].contentType.split(";")[0] }));

type Link = { href: string; type?: string };
type LinksetContext = { anchor: string } & Record<string, Link[] | string>;
export type Linkset = { linkset: LinksetContext[] };

export type SignpostedItem = {
  handle: string;
  type: string;
  doi: string | null;
  license: string | null;
  contributors: { orcid: string | null }[];
  files: { id: number; fileName: string; mimeType: string; isOpen: boolean }[];
};

export function landingUrl(base: string, handle: string) {
  return `${base}/handle/${handle}`;
}

export function linksetUrl(base: string, handle: string) {
  return `${base}/handle/${handle}/linkset`;
}

export function buildLinkset(item: SignpostedItem, base: string): Linkset {
  const landing = landingUrl(base, item.handle);
  const files = item.files.filter((f) => f.isOpen).map((f) => ({ href: `${base}/files/${f.id}/${encodeURIComponent(f.fileName)}`, type: f.mimeType }));
  const authors = [...new Set(item.contributors.flatMap((c) => (c.orcid ? [`https://orcid.org/${c.orcid}`] : [])))];
  const landingContext: LinksetContext = {
    anchor: landing,
    "cite-as": [{ href: item.doi ? doiUrl(item.doi) : landing }],
    describedby: describedBy(base, item.handle),
    type: [{ href: `https://schema.org/${schemaOrgType(item.type)}` }, { href: "https://schema.org/AboutPage" }],
  };
  if (files.length) landingContext.item = files;
  if (authors.length) landingContext.author = authors.map((href) => ({ href }));
  if (item.license && /^https?:\/\//.test(item.license)) landingContext.license = [{ href: item.license }];
  return {
    linkset: [
      landingContext,
      ...files.map((f) => ({ anchor: f.href, collection: [{ href: landing, type: "text/html" }] })),
      ...describedBy(base, item.handle).map((d) => ({ anchor: d.href, describes: [{ href: landing, type: "text/html" }] })),
    ],
  };
}

function linkValue(href: string, rel: string, type?: string) {
  return `<${href}>; rel="${rel}"${type ? `; type="${type}"` : ""}`;
}

/**
 * The level-1 Link header for the landing page: every relation of the linkset except that files
 * and metadata formats are cut to what fits in `maxBytes`, and the linkset itself is always linked.
 */
export function linkHeader(linkset: Linkset, linksetHref: string, maxBytes = 2000): string {
  const landing = linkset.linkset[0];
  const must: string[] = [];
  const optional: string[] = [];
  for (const [rel, links] of Object.entries(landing)) {
    if (rel === "anchor" || typeof links === "string") continue;
    for (const [i, link] of links.entries()) {
      const value = linkValue(link.href, rel, link.type);
      // One describedby and the first file are worth more than the rest.
      if ((rel === "item" || rel === "describedby") && i > 0) optional.push(value);
      else must.push(value);
    }
  }
  const parts = [...must, linkValue(linksetHref, "linkset", "application/linkset+json")];
  let size = parts.join(", ").length;
  for (const value of optional) {
    if (size + 2 + value.length > maxBytes) continue;
    parts.splice(parts.length - 1, 0, value);
    size += 2 + value.length;
  }
  return parts.join(", ");
}
