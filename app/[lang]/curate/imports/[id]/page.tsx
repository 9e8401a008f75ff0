// /curate/imports/{id} — a dry run's report, one page of records at a time: what would happen to
// each record, and the contributor matches a curator confirms or unticks; then the button that
// imports exactly this plan. After the real run, the same page shows the result with links to
// the items.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Forbidden, Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { isLang, type Lang } from "@/lib/i18n/config";
import { importMessages } from "@/lib/i18n/messages-import";
import { reasonCode } from "@/lib/import";
import type { PlanEntry } from "@/lib/import/plan";
import type { ReportRow } from "@/lib/import/report";
import { getStoredImportPage, type StoredImport } from "@/lib/import/service";
import { decideImportAction } from "../actions";

type Props = PageProps<"/[lang]/curate/imports/[id]">;

const PER_PAGE = 50;

// A placeholder for the build (answers 404); reports render on request, per user.
export function generateStaticParams() {
  return [{ id: "_" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: importMessages[isLang(lang) ? lang : "en"].report };
}

async function decide(form: FormData) {
  "use server";
  await decideImportAction(null, form);
}

const BADGE: Record<string, string> = {
  create: "border-accent/40 text-accent",
  created: "border-accent/40 text-accent",
  update: "border-accent/40 text-accent",
  updated: "border-accent/40 text-accent",
  duplicate: "border-line text-muted",
  reject: "border-warn/50 text-warn",
  rejected: "border-warn/50 text-warn",
  failed: "border-warn/50 text-warn",
};

type Search = { page?: string; show?: string; error?: string; saved?: string };

async function ImportReportView({ lang, id, searchParams }: { lang: Lang; id: string; searchParams: Props["searchParams"] }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const search: Search = { page: one(sp.page), show: one(sp.show), error: one(sp.error), saved: one(sp.saved) };
  const t = importMessages[lang];
  const { user, forbidden } = await requirePageUser(lang, `/${lang}/curate/imports/${id}`, (u) => u.role !== "RESEARCHER");
  if (forbidden) return <Forbidden lang={lang} />;
  const requested = Number.parseInt(search.page ?? "1", 10) || 1;
  const first = await getStoredImportPage(user, id, { page: requested, perPage: PER_PAGE });
  if (!first) notFound();
  const committed = first.stored.state === "committed" && first.stored.result;
  const actions = committed ? ["created", "updated", "duplicate", "rejected", "failed"] : ["create", "update", "duplicate", "reject"];
  const show = actions.includes(search.show ?? "") ? search.show! : null;
  // Only the page shown is read from the database (a plan may hold many thousands of records).
  const shown = show ? await getStoredImportPage(user, id, { page: requested, perPage: PER_PAGE, action: show }) : first;
  if (!shown) notFound();
  const { stored, counts, page, pages } = shown;
  const expired = !committed && stored.expired;
  const plan = stored.plan;
  const time = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  const slice = committed ? stored.result!.rows : plan.entries;
  const toImport = plan.counts.create + plan.counts.update;
  const href = (p: number, s: string | null = show) => `/${lang}/curate/imports/${id}?${new URLSearchParams({ ...(s ? { show: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const errorKey = search.error as keyof typeof t.errors | undefined;

  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="imports" />
      <p className="text-sm">
        <Link href={`/${lang}/curate/imports`} prefetch={false}>
          {t.title}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{committed ? t.result : t.report}</h1>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">{t.source}</dt>
        <dd className="min-w-0 break-all">
          {plan.source} · {plan.format.toUpperCase()}
          {plan.encoding ? ` · ${plan.encoding}` : ""}
        </dd>
        <dt className="text-muted">{t.collection}</dt>
        <dd>{plan.collection.name}</dd>
      </dl>
      {errorKey && t.errors[errorKey] ? (
        <p role="alert" className="mt-4 rounded-lg border border-warn/50 px-3 py-2 text-sm text-warn">
          {t.errors[errorKey]}
        </p>
      ) : null}
      {search.saved ? (
        <p role="status" className="mt-4 text-sm text-muted">
          {t.choicesSaved}
        </p>
      ) : null}
      <p className="mt-4 text-sm" data-testid="import-counts">
        {committed
          ? actions.map((a) => `${t.actions[a as keyof typeof t.actions]}: ${counts[a] ?? 0}`).join(" · ")
          : t.counts
              .replace("{create}", String(plan.counts.create))
              .replace("{update}", String(plan.counts.update))
              .replace("{duplicate}", String(plan.counts.duplicate))
              .replace("{reject}", String(plan.counts.reject))}
      </p>
      <p className="mt-1 text-sm text-muted">
        {committed && stored.committedAt ? t.importedAt.replace("{time}", time.format(stored.committedAt)) : expired ? t.expired : t.expires.replace("{time}", time.format(stored.expiresAt))}{" "}
        <a href={`/${lang}/curate/imports/${id}/report?format=csv`}>{t.downloadReport.csv}</a> ·{" "}
        <a href={`/${lang}/curate/imports/${id}/report?format=json`}>{t.downloadReport.json}</a>
      </p>
      {plan.notes.length ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-muted">{t.notes}</summary>
          <ul className="ml-5 mt-1 list-disc">
            {plan.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}

      <nav aria-label={t.onlyAction} className="mt-5 flex flex-wrap gap-1 text-sm">
        {[null, ...actions].map((a) => (
          <Link
            key={a ?? "all"}
            href={href(1, a)}
            prefetch={false}
            aria-current={a === show ? "page" : undefined}
            className={`rounded-lg px-2.5 py-1 no-underline ${a === show ? "bg-accent-soft text-ink" : "text-ink hover:text-accent"}`}
          >
            {a ? t.actions[a as keyof typeof t.actions] : t.all} ({a ? (counts[a] ?? 0) : first.total})
          </Link>
        ))}
      </nav>

      <form action={decide} className="mt-3 space-y-4">
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="page" value={page} />
        <Panel title={committed ? t.result : t.matchesTitle} id="records" aside={t.page.replace("{page}", String(page)).replace("{pages}", String(pages))}>
          {!committed ? <p className="mb-3 text-sm text-muted">{t.matchesHelp}</p> : null}
          <ol className="divide-y divide-line" data-testid="import-rows">
            {committed
              ? (slice as ReportRow[]).map((r) => <ResultRow key={r.position} row={r} lang={lang} stored={stored} />)
              : (slice as PlanEntry[]).map((e) => <PlanRow key={e.position} entry={e} lang={lang} editable={!expired} />)}
          </ol>
        </Panel>
        <Pager lang={lang} page={page} pages={pages} href={href} />
        {!committed && !expired ? (
          <div className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4">
            {toImport ? (
              <>
                <div>
                  <label htmlFor="import-status" className="block text-sm font-medium">
                    {t.statusLabel}
                  </label>
                  <select id="import-status" name="status" defaultValue="DRAFT" className="mt-1 rounded-lg border border-line bg-paper px-3 py-1.5 text-sm">
                    <option value="DRAFT">{t.statusOption.DRAFT}</option>
                    <option value="PUBLISHED">{t.statusOption.PUBLISHED}</option>
                  </select>
                </div>
                <button type="submit" name="intent" value="save" className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:border-accent hover:text-accent">
                  {t.saveChoices}
                </button>
                <button type="submit" name="intent" value="commit" className="rounded-lg bg-accent px-4 py-1.5 text-sm font-medium text-accent-ink hover:opacity-90">
                  {t.importNow.replace("{n}", String(toImport))}
                </button>
              </>
            ) : (
              <p className="text-sm text-muted">{t.nothingToImport}</p>
            )}
          </div>
        ) : null}
      </form>
    </>
  );
}

function Badge({ action, lang }: { action: string; lang: Lang }) {
  const t = importMessages[lang];
  return (
    <span className={`inline-block whitespace-nowrap rounded-md border px-1.5 py-0.5 text-xs font-medium ${BADGE[action] ?? "border-line"}`}>
      {t.actions[action as keyof typeof t.actions] ?? action}
    </span>
  );
}

function Reasons({ reasons, lang }: { reasons: string[]; lang: Lang }) {
  const t = importMessages[lang];
  if (!reasons.length) return null;
  return (
    <ul className="mt-1 text-sm text-warn">
      {reasons.map((r, i) => (
        <li key={i} className="break-words">
          {t.reasons[reasonCode(r)]}: <span className="text-muted">{r}</span>
        </li>
      ))}
    </ul>
  );
}

function PlanRow({ entry: e, lang, editable }: { entry: PlanEntry; lang: Lang; editable: boolean }) {
  const t = importMessages[lang];
  const importing = e.action === "create" || e.action === "update";
  const linked = e.contributors.map((c, i) => ({ c, i })).filter(({ c }) => c.researcher || c.unlinked);
  return (
    <li className="grid gap-x-4 gap-y-1 py-3 sm:grid-cols-[3rem_1fr_auto]" data-testid="import-row">
      <span className="text-sm text-muted">{e.position}</span>
      <div className="min-w-0">
        <p className="break-words font-medium">{e.title ?? e.locator}</p>
        <p className="text-xs text-muted break-all">
          {[e.year, e.doi, e.locator].filter(Boolean).join(" · ")}
          {e.duplicateOf ? ` · ${t.duplicateOf.replace("{ref}", e.duplicateOf.handle ?? `#${e.duplicateOf.position}`)}` : ""}
        </p>
        <Reasons reasons={e.action === "reject" ? e.reasons : []} lang={lang} />
        {e.warnings.length ? <p className="mt-1 text-xs text-muted break-words">{t.warnings}: {e.warnings.join("; ")}</p> : null}
        {importing && linked.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {linked.map(({ c, i }) => {
              const key = `${e.position}:${i}`;
              const who = c.researcher ?? c.unlinked!;
              return (
                <li key={key}>
                  {editable ? <input type="hidden" name="shown[]" value={key} /> : null}
                  <label className="inline-flex items-baseline gap-2">
                    <input type="checkbox" name="keep[]" value={key} defaultChecked={!!c.researcher} disabled={!editable} aria-label={t.keep.replace("{name}", c.name).replace("{researcher}", who.displayName)} />
                    <span>
                      {c.name} → {who.displayName} <span className="text-xs text-muted">({t.basis[c.basis]})</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <span>
        <Badge action={e.action} lang={lang} />
      </span>
    </li>
  );
}

function ResultRow({ row: r, lang, stored }: { row: ReportRow; lang: Lang; stored: StoredImport }) {
  const t = importMessages[lang];
  const itemId = r.handle ? stored.itemIds[r.handle] : undefined;
  const done = r.action === "created" || r.action === "updated";
  return (
    <li className="grid gap-x-4 gap-y-1 py-3 sm:grid-cols-[3rem_1fr_auto]" data-testid="import-row">
      <span className="text-sm text-muted">{r.position}</span>
      <div className="min-w-0">
        <p className="break-words font-medium">{r.title ?? r.locator}</p>
        <p className="text-xs text-muted break-all">{[r.year, r.doi, r.handle, r.locator].filter(Boolean).join(" · ")}</p>
        <Reasons reasons={r.action === "duplicate" || done ? [] : r.reasons} lang={lang} />
        {done && r.handle ? (
          <p className="mt-1 text-sm">
            {itemId ? (
              <Link href={`/${lang}/curate/items/${itemId}`} prefetch={false}>
                {t.openEditor}
              </Link>
            ) : null}
            {" · "}
            <Link href={`/${lang}/handle/${r.handle}`} prefetch={false}>
              {t.openPublic}
            </Link>
          </p>
        ) : null}
      </div>
      <span>
        <Badge action={r.action} lang={lang} />
      </span>
    </li>
  );
}

function Pager({ lang, page, pages, href }: { lang: Lang; page: number; pages: number; href: (p: number) => string }) {
  const t = importMessages[lang];
  if (pages <= 1) return null;
  return (
    <nav aria-label={t.page.replace("{page}", String(page)).replace("{pages}", String(pages))} className="flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} prefetch={false} rel="prev">
          {t.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">{t.page.replace("{page}", String(page)).replace("{pages}", String(pages))}</span>
      {page < pages ? (
        <Link href={href(page + 1)} prefetch={false} rel="next">
          {t.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export default async function ImportReportPage({ params, searchParams }: Props) {
  const { lang, id } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <ImportReportView lang={lang} id={id} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
