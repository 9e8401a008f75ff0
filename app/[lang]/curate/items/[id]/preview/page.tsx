// /curate/items/{id}/preview — the item as its public page will show it, for a signed-in user who
// may edit it, whatever its status (drafts included). Private: never indexed, never cached
// publicly (the workspace layout and the per-request session read see to both).
import type { Metadata } from "next";
import { loadItemPage } from "@/components/curate/item-header";
import { recordPage } from "@/components/curate/workspace";
import { canEditItem } from "@/lib/auth/permissions";
import { isLang, type Lang } from "@/lib/i18n/config";
import { editMessages } from "@/lib/i18n/messages-edit";

type Props = PageProps<"/[lang]/curate/items/[id]/preview">;

// A placeholder for the build (answers 404); real items render on request, per user.
export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: editMessages[isLang(lang) ? lang : "en"].previewTitle, robots: { index: false, follow: false } };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-3 py-2.5 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="min-w-0 whitespace-pre-line break-words">{children}</dd>
    </div>
  );
}

async function Preview({ lang, id }: { lang: Lang; id: number }) {
  const t = editMessages[lang];
  const { item, top } = await loadItemPage(lang, id, "preview", canEditItem);
  const pages = item.startPage ? (item.endPage ? `${item.startPage}–${item.endPage}` : item.startPage) : null;
  const rows: [string, React.ReactNode][] = [
    [t.fields.type, t.types[item.type]],
    [t.preview.by, item.contributors.map((c) => c.name).join("; ")],
    [t.fields.issueDate, item.issueDate],
    [t.fields.journalTitle, item.journalTitle],
    [t.fields.publisher, item.publisher],
    [t.fields.volume, item.volume],
    [t.fields.number, item.number],
    [t.fields.startPage, pages],
    [t.fields.pageCount, item.pageCount],
    [t.fields.issn, item.issn],
    [t.fields.eissn, item.eissn],
    [t.fields.isbn, item.isbn],
    [t.fields.doi, item.doi ? <a href={`https://doi.org/${item.doi}`} rel="noopener noreferrer">{`https://doi.org/${item.doi}`}</a> : null],
    [t.fields.keywords, item.keywords.join("; ")],
    [t.fields.subjects, item.subjects.join("; ")],
    [t.fields.language, item.language],
    [t.fields.license, item.license],
    [t.fields.funding, item.funding.map((f) => (f.awardNumber ? `${f.funder} (${f.awardNumber})` : f.funder)).join("\n")],
    [t.fields.embargoUntil, item.embargoUntil],
  ];
  return (
    <>
      {top}
      <p role="note" className="mb-6 rounded-lg border border-accent/40 bg-accent-soft px-4 py-2 text-sm">
        {t.preview.banner.replace("{status}", t.statuses[item.status])}
      </p>
      <article className="rounded-xl border border-line bg-surface p-5 sm:p-8">
        <h2 className="break-words text-2xl font-semibold leading-snug tracking-tight sm:text-3xl" data-testid="preview-title">
          {item.title}
        </h2>
        {item.alternativeTitle ? (
          <p className="mt-2 break-words text-lg text-muted" lang={item.alternativeTitleLang ?? undefined}>
            {item.alternativeTitle}
          </p>
        ) : null}
        <p className="mt-3">{item.contributors.map((c) => c.name).join("; ")}</p>
        {item.status === "WITHDRAWN" && item.withdrawnReason ? <p className="mt-4 rounded-lg border border-warn p-3 text-sm">{item.withdrawnReason}</p> : null}
        {item.abstract ? <p className="mt-6 max-w-prose whitespace-pre-line break-words leading-7">{item.abstract}</p> : null}
        <dl className="mt-6 divide-y divide-line border-y border-line">
          {rows
            .filter(([, v]) => v !== null && v !== undefined && v !== "")
            .map(([label, v]) => (
              <Field key={label} label={label}>
                {v}
              </Field>
            ))}
        </dl>
      </article>
    </>
  );
}

export default recordPage(Preview);
