// Citation.js with the plugins Atrium uses, loaded once. Everything in lib/export imports it from
// here so that the plugins are registered before the first format call.
import "server-only";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";

export { Cite, plugins };

/** One record through one Citation.js output format, as the plugin's own objects or text. */
export function citationJsOutput(record: unknown, format: string, options: Record<string, unknown> = {}): unknown {
  return new Cite([record]).format(format, options);
}
