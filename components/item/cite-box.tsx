"use client";
// The formatted citation with a style switch and a copy button. All styles are rendered on the
// server; without JavaScript the first one shows and the export links still work.
import { useState } from "react";

export type CitationChoice = { style: string; label: string; html: string; text: string };

export function CiteBox({ citations, labels }: { citations: CitationChoice[]; labels: { style: string; copy: string; copied: string } }) {
  const [current, setCurrent] = useState(0);
  const [copied, setCopied] = useState(false);
  const chosen = citations[current];
  return (
    <div>
      <div role="radiogroup" aria-label={labels.style} className="flex flex-wrap gap-1.5">
        {citations.map((c, i) => (
          <button
            key={c.style}
            type="button"
            role="radio"
            aria-checked={i === current}
            onClick={() => {
              setCurrent(i);
              setCopied(false);
            }}
            className={`rounded-full border px-3 py-1 text-sm ${
              i === current ? "border-accent bg-accent-soft font-medium text-ink" : "border-line text-muted hover:border-accent"
            }`}
          >
            {c.label}
          </button>
        ))}
      </div>
      <p className="mt-3 rounded-lg bg-sunken px-4 py-3 text-sm leading-6" dangerouslySetInnerHTML={{ __html: chosen.html }} />
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(chosen.text);
          setCopied(true);
        }}
        className="mt-2 rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:border-accent hover:text-accent"
      >
        {copied ? labels.copied : labels.copy}
      </button>
      <span aria-live="polite" className="sr-only">
        {copied ? labels.copied : ""}
      </span>
    </div>
  );
}
