// Types for the parts of Citation.js 0.8 that Atrium uses; the packages ship none.
// Kept to what lib/export calls, so a wrong call fails the type check rather than at run time.

declare module "@citation-js/core" {
  type CitationJsFormatOptions = {
    /** "text" (default), "html" or "object" for bibtex/biblatex/ris; "text" or "object" for data. */
    format?: string;
    template?: string;
    lang?: string;
    asEntryArray?: boolean;
    type?: string;
  };

  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: CitationJsFormatOptions): unknown;
  }

  export const plugins: {
    config: { get(plugin: string): unknown };
    input: {
      /** Parses any supported input (BibTeX, RIS, CSL-JSON text…) into CSL-JSON records. */
      chain(data: unknown, options?: { generateGraph?: boolean; forceType?: string }): Record<string, unknown>[];
    };
    output: {
      format(format: string, data: unknown[], options?: CitationJsFormatOptions): unknown;
      has(format: string): boolean;
    };
  };
}

declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
