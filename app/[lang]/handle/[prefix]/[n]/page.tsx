import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { localized, type Lang } from "@/lib/i18n/config";
import { format, messages } from "@/lib/i18n/messages";
import { citationLine, doiUrl, formatBytes, formatIssueDate, languageName, metricSourceName } from "@/lib/items/format";
import { formatEmbargoDate } from "@/lib/files/access";
import { CiteBox } from "@/components/item/cite-box";
import { UsageMonths } from "@/components/item/usage-months";
import { UsageBeacon } from "@/components/stats/usage-beacon";
import { CITATION_STYLES, formatCitation } from "@/lib/export/citation";
import { EXPORT_FORMATS, exportPath } from "@/lib/export/media";
import { getItemUsage, loadItemRoute, type ItemPageRecord } from "@/lib/items/get-item-page";
import { qrSvg } from "@/lib/items/qr";
import { highwireTags, itemJsonLd, jsonForScript } from "@/lib/items/scholar-meta";
import { getUnitTree, unitPath, type UnitTree } from "@/lib/units/tree";
import { siteUrl } from "@/lib/env";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";

// One sample keeps the build's route validation happy; real handles render on their first visit
// and are then served from the cache until the item changes.
export function generateStaticParams() {
  return [{ prefix: "0", n: "0" }];
}

type Props = PageProps<"/[lang]/handle/[prefix]/[n]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, handle, item } = await loadItemRoute(params);
  if (!item) return { title: messages(lang).notFound.title, robots: { index: false } };
  const title = localized(lang, item.title, item.alternativeTitle, item.alternativeTitleLang);
  const description = item.abstract ? `${item.abstract.slice(0, 297)}${item.abstract.length > 297 ? "…" : ""}` : undefined;
  return {
    title,
    description,
    alternates: { canonical: `/handle/${handle}`, languages: { en: `/en/handle/${handle}`, ko: `/ko/handle/${handle}` } },
    openGraph: { type: "article", title, description, url: `/handle/${handle}`, locale: lang === "ko" ? "ko_KR" : "en_US" },
    twitter: { card: "summary", title, description },
    // A withdrawn item keeps its page (and citation) but leaves search engines' indexes.
    robots: item.status === "WITHDRAWN" ? { index: false } : undefined,
    other: item.status === "WITHDRAWN" ? {} : highwireTags(item, siteUrl()),
  };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-3 py-2.5 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function TermLinks({ terms }: { terms: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {terms.map((term) => (
        <li key={term}>
          <Link
            href={`/search?subject=${encodeURIComponent(term)}`}
            prefetch={false}
            className="inline-block rounded-full bg-sunken px-2.5 py-0.5 text-sm text-ink no-underline hover:bg-accent-soft"
          >
            {term}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Box({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-surface p-5">
      <h2 id={id} className="mb-3 text-base font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

function CollectionPath({ tree, collection, lang }: { tree: UnitTree; collection: ItemPageRecord["collection"]; lang: Lang }) {
  const path = unitPath(tree, collection.unitId);
  return (
    <ol className="text-sm leading-6">
      {path.map((u) => (
        <li key={u.id} className="inline text-muted">
          <Link href={`/units/${u.slug}`} prefetch={false} className="text-muted">
            {localized(lang, u.name, u.altName, u.altLang)}
          </Link>
          <span aria-hidden="true"> › </span>
        </li>
      ))}
      <li className="inline font-medium">
        <Link href={`/collections/${collection.slug}`} prefetch={false} className="text-ink">
          {localized(lang, collection.name, collection.altName, collection.altLang)}
        </Link>
      </li>
    </ol>
  );
}

export default async function ItemPage({ params }: Props) {
  const { lang, handle, item } = await loadItemRoute(params);
  if (!item) notFound();
  const t = messages(lang);
  const base = siteUrl();
  const pageUrl = `${base}/handle/${handle}`;
  const [tree, usage, qr] = await Promise.all([getUnitTree(), getItemUsage(item.id, item.files.map((f) => f.id)), qrSvg(pageUrl)]);
  const styleNames = { apa: "APA", vancouver: "Vancouver", harvard: "Harvard" } as const;
  const citations = CITATION_STYLES.map((style) => ({ ...formatCitation(item, style, lang, { baseUrl: base }), label: styleNames[style] }));
  const altmetric = item.metrics.find((m) => m.source === "altmetric");
  const citationMetrics = item.metrics.filter((m) => m.source !== "altmetric");
  const number = (n: number) => n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
  const title = item.title;
  const altTitle = item.alternativeTitle;
  const collections = [item.collection, ...item.mappedCollections.map((m) => m.collection)];
  const researchers = item.contributors.flatMap((c) => (c.researcher ? [c.researcher] : []));
  const citation = citationLine(item);
  const handleUrl = item.uri ?? pageUrl;
  const typeLabel = t.item.types[item.type];

  return (
    <article className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10" lang={item.language ?? undefined}>
      {item.status === "PUBLISHED" ? (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(itemJsonLd(item, siteUrl())) }} />
      ) : null}
      {item.status === "PUBLISHED" ? <UsageBeacon type="item" id={item.id} /> : null}
      <nav aria-label={t.item.breadcrumb} lang={lang}>
        <CollectionPath tree={tree} collection={item.collection} lang={lang} />
      </nav>
      <header className="mt-4 max-w-4xl">
        <p className="text-sm font-medium uppercase tracking-wide text-accent" lang={lang}>
          {typeLabel}
        </p>
        <h1 className="mt-1 text-2xl font-semibold leading-tight tracking-tight text-balance sm:text-3xl">{title}</h1>
        {altTitle ? (
          <p className="mt-2 text-lg text-muted" lang={item.alternativeTitleLang ?? undefined}>
            {altTitle}
          </p>
        ) : null}
        <p className="mt-3 text-base">
          {item.contributors.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? "; " : ""}
              {c.researcher ? <Link href={`/researchers/${c.researcher.slug}`} prefetch={false}>{c.name}</Link> : c.name}
            </span>
          ))}
        </p>
      </header>
      {item.status === "WITHDRAWN" ? (
        <section aria-labelledby="withdrawn" lang={lang} className="mt-8 max-w-3xl rounded-xl border border-warn bg-surface p-5">
          <h2 id="withdrawn" className="font-semibold text-warn">
            {t.item.withdrawn}
          </h2>
          {item.withdrawnReason ? <p className="mt-2">{item.withdrawnReason}</p> : null}
          {item.withdrawnAt ? (
            <p className="mt-1 text-sm text-muted">{format(t.item.withdrawnOn, { date: item.withdrawnAt.toISOString().slice(0, 10) })}</p>
          ) : null}
          {citation ? (
            <p className="mt-4 text-sm">
              <span className="font-medium">{t.item.citation}: </span>
              {citation}
            </p>
          ) : null}
        </section>
      ) : (

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          {item.abstract ? (
            <section aria-labelledby="abstract">
              <h2 id="abstract" className="mb-2 text-lg font-semibold tracking-tight" lang={lang}>
                {t.item.abstract}
              </h2>
              {item.abstract.length > 1600 ? (
                <details className="group max-w-prose">
                  <summary className="list-none">
                    <p className="line-clamp-[12] text-[1.02rem] leading-7 whitespace-pre-line group-open:line-clamp-none">{item.abstract}</p>
                    <span className="mt-1 inline-block text-sm font-medium text-accent group-open:hidden" lang={lang}>
                      {t.item.more}
                    </span>
                  </summary>
                </details>
              ) : (
                <p className="max-w-prose text-[1.02rem] leading-7 whitespace-pre-line">{item.abstract}</p>
              )}
              {item.altAbstract ? (
                <p className="mt-4 max-w-prose leading-7 whitespace-pre-line text-muted" lang={item.altAbstractLang ?? undefined}>
                  {item.altAbstract}
                </p>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="metadata" lang={lang}>
            <h2 id="metadata" className="sr-only">
              {t.item.fullRecord}
            </h2>
            <dl className="divide-y divide-line border-y border-line">
              <Field label={t.item.type}>{typeLabel}</Field>
              <Field label={t.item.authors}>{item.contributors.map((c) => c.name).join("; ")}</Field>
              {item.issueDate ? <Field label={t.item.issueDate}>{formatIssueDate(item.issueDate, lang)}</Field> : null}
              {item.publisher ? <Field label={t.item.publisher}>{item.publisher}</Field> : null}
              {citation ? <Field label={t.item.citation}>{citation}</Field> : null}
              {item.pageCount ? <Field label={t.item.pages}>{item.pageCount}</Field> : null}
              {item.journalTitle ? <Field label={t.item.journalTitle}>{item.journalTitle}</Field> : null}
              {item.bookTitle ? <Field label={t.item.bookTitle}>{item.bookTitle}</Field> : null}
              {item.conferenceName ? (
                <Field label={t.item.conference}>
                  {[item.conferenceName, item.conferencePlace].filter(Boolean).join(", ")}
                </Field>
              ) : null}
              {item.volume ? <Field label={t.item.volume}>{item.volume}</Field> : null}
              {item.number ? <Field label={t.item.number}>{item.number}</Field> : null}
              {item.startPage ? <Field label={t.item.startPage}>{item.startPage}</Field> : null}
              {item.endPage ? <Field label={t.item.endPage}>{item.endPage}</Field> : null}
              {item.issn ? <Field label={t.item.issn}>{item.issn}</Field> : null}
              {item.eissn ? <Field label={t.item.eissn}>{item.eissn}</Field> : null}
              {item.isbn ? <Field label={t.item.isbn}>{item.isbn}</Field> : null}
              <Field label={t.item.uri}>
                <a href={handleUrl} className="break-all">
                  {handleUrl}
                </a>
              </Field>
              {item.doi ? (
                <Field label={t.item.doi}>
                  <a href={doiUrl(item.doi)} className="break-all">
                    {item.doi}
                  </a>
                </Field>
              ) : null}
              {item.keywords.length ? <Field label={t.item.keywords}><TermLinks terms={item.keywords} /></Field> : null}
              {item.subjects.length ? <Field label={t.item.subjects}><TermLinks terms={item.subjects} /></Field> : null}
              {item.language ? <Field label={t.item.language}>{languageName(item.language, lang)}</Field> : null}
              {item.license ? (
                <Field label={t.item.license}>
                  {/^https?:\/\//.test(item.license) ? <a href={item.license}>{item.license}</a> : item.license}
                </Field>
              ) : null}
            </dl>
            <p className="mt-3 text-sm">
              <Link href={`/handle/${handle}?mode=full`} prefetch={false}>
                {t.item.fullRecord} →
              </Link>
            </p>
          </section>

          <div lang={lang}>
            <Box title={t.item.files} id="files">
              {item.files.length === 0 ? (
                <p className="text-muted">{t.item.noFiles}</p>
              ) : (
                <ul className="divide-y divide-line">
                  {item.files.map((f) => {
                    const state = f.accessState;
                    const access =
                      state.kind === "open"
                        ? t.item.fileAccess.OPEN
                        : state.kind === "embargoed"
                          ? state.until
                            ? format(t.item.fileAccess.EMBARGOED, { date: formatEmbargoDate(state.until) })
                            : t.item.fileAccess.EMBARGOED_UNDATED
                          : t.item.fileAccess.RESTRICTED;
                    return (
                      <li key={f.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2.5">
                        <span className="min-w-0">
                          <a href={`/files/${f.id}/${encodeURIComponent(f.fileName)}`} className="font-medium break-all">
                            {f.fileName}
                          </a>
                          {f.description ? <span className="block text-sm text-muted">{f.description}</span> : null}
                        </span>
                        <span className="text-sm text-muted">
                          {formatBytes(f.size, lang)} · {f.mimeType} · {access} ·{" "}
                          {format(t.item.fileDownloads, { n: number(usage.fileDownloads[f.id] ?? 0) })}
                        </span>
                        {f.isOpen && f.mimeType === "application/pdf" ? (
                          <details className="w-full">
                            <summary className="text-sm font-medium text-accent">{t.item.preview}</summary>
                            <iframe
                              title={`${t.item.preview}: ${f.fileName}`}
                              src={`/files/${f.id}/${encodeURIComponent(f.fileName)}#view=FitH`}
                              loading="lazy"
                              className="mt-2 h-[70vh] w-full rounded-lg border border-line bg-white"
                            />
                          </details>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </Box>
          </div>

          <div lang={lang}>
            <Box title={t.item.cite} id="cite">
              <CiteBox
                citations={citations.map((c) => ({ style: c.style, label: c.label, html: c.html, text: c.text }))}
                labels={{ style: t.item.citationStyle, copy: t.item.copy, copied: t.item.copied }}
              />
              <h3 className="mt-5 text-sm font-semibold">{t.item.export}</h3>
              <ul className="mt-2 flex flex-wrap gap-2">
                {EXPORT_FORMATS.map((f) => (
                  <li key={f}>
                    <a href={exportPath(handle, f)} className="inline-block rounded-lg border border-line px-3 py-1.5 text-sm no-underline hover:border-accent">
                      {t.item.exportNames[f]}
                    </a>
                  </li>
                ))}
              </ul>
            </Box>
          </div>
        </div>

        <aside className="space-y-5" lang={lang}>
          <Box title={t.item.metrics} id="metrics">
            {citationMetrics.length === 0 ? (
              <p className="text-sm text-muted">
                {format(t.item.unknownMetric, { source: `${metricSourceName("webofscience")}, ${metricSourceName("scopus")}` })}
              </p>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {citationMetrics.map((m) => (
                  <li key={m.id}>
                    {format(m.value === 1 ? t.item.citedOnce : t.item.citedTimes, {
                      n: number(m.value),
                      source: metricSourceName(m.source),
                    })}
                    <span className="block text-xs text-muted">{m.refreshedAt.toISOString().slice(0, 10)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Box>

          <Box title={t.item.usage} id="usage">
            <dl className="grid grid-cols-2 gap-3">
              <div>
                <dt className="text-xs text-muted">{t.item.views}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{number(usage.views)}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted">{t.item.downloads}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{number(usage.downloads)}</dd>
              </div>
            </dl>
            <UsageMonths
              data={usage.months}
              locale={lang === "ko" ? "ko-KR" : "en-US"}
              labels={{ views: t.item.views, downloads: t.item.downloads, months: t.months, lastYear: t.item.lastYear, showTable: t.item.showTable, month: t.item.month }}
            />
            <p className="mt-3 text-sm">
              <Link href={`/handle/${item.handle}/statistics`} prefetch={false}>
                {dashboardMessages[lang].more}
              </Link>
            </p>
          </Box>

          <Box title={t.item.attention} id="attention">
            {altmetric ? (
              <div className="flex items-center gap-4">
                <span
                  className="flex h-14 w-14 shrink-0 items-center justify-center rounded-full border-4 border-accent text-lg font-semibold tabular-nums"
                  aria-hidden="true"
                >
                  {number(altmetric.value)}
                </span>
                <span className="text-sm">
                  {t.item.altmetricScore}: <span className="font-semibold">{number(altmetric.value)}</span>
                  {item.doi ? (
                    <a href={`https://www.altmetric.com/details/doi/${item.doi}`} className="block">
                      {t.item.attentionDetails}
                    </a>
                  ) : null}
                </span>
              </div>
            ) : (
              <p className="text-sm text-muted">{t.item.noAttention}</p>
            )}
            {item.doi ? (
              <p className="mt-3 text-sm">
                <a href={`https://badge.dimensions.ai/details/doi/${item.doi}`}>{t.item.dimensions}</a>
              </p>
            ) : null}
          </Box>

          {researchers.length ? (
            <Box title={t.item.relatedResearchers} id="researchers">
              <ul className="space-y-3">
                {researchers.map((r) => {
                  const unit = r.primaryUnitId ? unitPath(tree, r.primaryUnitId) : [];
                  return (
                    <li key={r.slug} className="flex items-center gap-3">
                      {r.photoKey ? (
                        // eslint-disable-next-line @next/next/no-img-element
                        <img
                          src={`/media/researchers/${r.slug}/photo`}
                          alt=""
                          width={48}
                          height={48}
                          className="h-12 w-12 shrink-0 rounded-full border border-line object-cover"
                        />
                      ) : null}
                      <span className="min-w-0 text-sm">
                        <Link href={`/researchers/${r.slug}`} prefetch={false} className="font-medium">
                          {r.displayName}
                        </Link>
                        {r.position ? (
                          <span className="block text-muted">{localized(lang, r.position, r.altPosition, "ko")}</span>
                        ) : null}
                        {unit.length ? (
                          <span className="block text-muted">
                            {unit
                              .slice(1)
                              .map((u) => localized(lang, u.name, u.altName, u.altLang))
                              .join(" › ")}
                          </span>
                        ) : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </Box>
          ) : null}

          <Box title={t.item.collections} id="collections">
            <ul className="space-y-2">
              {collections.map((c) => (
                <li key={c.id}>
                  <CollectionPath tree={tree} collection={c} lang={lang} />
                </li>
              ))}
            </ul>
          </Box>
          <Box title={t.item.share} id="share">
            <div className="flex items-start gap-4">
              <figure className="w-28 shrink-0 overflow-hidden rounded-lg border border-line bg-white p-1">
                {/* An inline SVG data URL: nothing for next/image to optimise. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`} alt={t.item.qrAlt} width={104} height={104} />
                <figcaption className="sr-only">{t.item.qr}</figcaption>
              </figure>
              <ul className="space-y-1 text-sm">
                <li>
                  <a href={`mailto:?subject=${encodeURIComponent(item.title)}&body=${encodeURIComponent(pageUrl)}`}>{t.item.shareEmail}</a>
                </li>
                <li>
                  <a href={`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(pageUrl)}`}>LinkedIn</a>
                </li>
                <li>
                  <a href={`https://x.com/intent/post?url=${encodeURIComponent(pageUrl)}&text=${encodeURIComponent(item.title)}`}>X</a>
                </li>
                <li>
                  <a href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(pageUrl)}`}>Facebook</a>
                </li>
              </ul>
            </div>
          </Box>
        </aside>
      </div>
      )}
    </article>
  );
}
