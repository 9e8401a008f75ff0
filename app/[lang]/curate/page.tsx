// /curate — the curator dashboard: work in progress, recent changes, gaps and suspected
// duplicates within the units the user looks after.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { Suspense } from "react";
import { CorrectionList } from "@/components/curate/corrections";
import { Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canUseWorkspace, canViewCuratorDashboard } from "@/lib/auth/permissions";
import type { DashboardItem } from "@/lib/curate/dashboard";
import { getDashboardFor } from "@/lib/curate/workspace";
import { getOpenCorrectionsFor } from "@/lib/curate/researcher-workspace";
import { researchMessages } from "@/lib/i18n/messages-research";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { curateMessages } from "@/lib/i18n/messages-curate";

type Props = PageProps<"/[lang]/curate">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: curateMessages[isLang(lang) ? lang : "en"].dashboard.title };
}

function ItemList({ items, lang, empty }: { items: DashboardItem[]; lang: Lang; empty: string }) {
  const t = curateMessages[lang];
  if (items.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-line">
      {items.map((i) => (
        <li key={i.id} className="py-2 first:pt-0 last:pb-0">
          <Link href={`/${lang}/curate/items/${i.id}`} prefetch={false} className="font-medium leading-snug">
            {i.title}
          </Link>
          <p className="text-xs text-muted">
            {t.status[i.status] ?? i.status} · {i.handle}
            {i.issueYear ? ` · ${i.issueYear}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

async function Dashboard({ lang }: { lang: Lang }) {
  const t = curateMessages[lang];
  const { user, forbidden: refused } = await requirePageUser(lang, `/${lang}/curate`, (u) => canUseWorkspace(u));
  if (refused) forbidden();
  const nav = <WorkspaceNav lang={lang} user={user} current="dashboard" />;
  if (!canViewCuratorDashboard(user)) {
    return (
      <>
        {nav}
        <h1 className="text-2xl font-semibold tracking-tight">{t.dashboard.title}</h1>
        <p className="mt-3 max-w-prose text-muted">{user.role === "RESEARCHER" ? t.dashboard.researcherIntro : t.dashboard.noUnits}</p>
        {user.role === "RESEARCHER" ? (
          <Link href={`/${lang}/curate/me`} className="mt-4 inline-block">
            {t.nav.me}
          </Link>
        ) : null}
      </>
    );
  }
  const { dashboard: d, units, all } = await getDashboardFor(user);
  const corrections = await getOpenCorrectionsFor(user);
  const unitNames = all ? t.dashboard.scopeAll : t.dashboard.scopeUnits.replace("{units}", units.map((u) => localized(lang, u.name, u.altName, u.altLang)).join(", "));
  const dateTime = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const counts = [
    { label: t.dashboard.drafts, n: d.counts.drafts },
    { label: t.dashboard.inReview, n: d.counts.inReview },
    { label: t.dashboard.noDoi, n: d.counts.noDoi },
    { label: t.dashboard.noAbstract, n: d.counts.noAbstract },
    { label: t.dashboard.noFile, n: d.counts.noFile },
  ];
  const shown = t.dashboard.showing.replace("{n}", "10");
  return (
    <>
      {nav}
      <h1 className="text-2xl font-semibold tracking-tight">{t.dashboard.title}</h1>
      <p className="mt-1 text-sm text-muted">{unitNames}</p>
      <dl className="mt-5 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {counts.map((c) => (
          <div key={c.label} className="rounded-xl border border-line bg-surface px-4 py-3">
            <dt className="text-xs text-muted">{c.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{c.n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US")}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 grid gap-5 lg:grid-cols-2">
        <Panel title={t.dashboard.workflow} id="workflow" aside={d.workflow.length >= 10 ? shown : undefined}>
          <ItemList items={d.workflow} lang={lang} empty={t.dashboard.workflowEmpty} />
        </Panel>
        <Panel title={researchMessages[lang].review.title} id="corrections">
          {corrections.length === 0 ? <p className="text-sm text-muted">{researchMessages[lang].review.empty}</p> : <CorrectionList requests={corrections} lang={lang} review itemLinks="editor" />}
        </Panel>
        <Panel title={t.dashboard.changes} id="changes">
          {d.changes.length === 0 ? (
            <p className="text-sm text-muted">{t.dashboard.changesEmpty}</p>
          ) : (
            <ul className="divide-y divide-line">
              {d.changes.map((c) => (
                <li key={c.id} className="py-2 text-sm first:pt-0 last:pb-0">
                  <span className="font-medium">{c.title ?? `${t.dashboard.entities[c.entityType] ?? c.entityType} ${c.entityId}`}</span>
                  <span className="text-muted">
                    {" "}
                    — {t.dashboard.entities[c.entityType] ?? c.entityType} {t.dashboard.actions[c.action] ?? c.action},{" "}
                    {t.dashboard.by.replace("{name}", c.userName ?? t.dashboard.system)},{" "}
                    <time dateTime={c.at}>{dateTime.format(new Date(c.at))}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title={t.dashboard.missing} id="missing">
          <div className="space-y-4">
            {(
              [
                [t.dashboard.noDoi, d.missing.noDoi],
                [t.dashboard.noAbstract, d.missing.noAbstract],
                [t.dashboard.noFile, d.missing.noFile],
              ] as const
            ).map(([label, items]) => (
              <div key={label}>
                <h3 className="mb-1.5 text-sm font-semibold text-muted">{label}</h3>
                <ItemList items={items} lang={lang} empty={t.dashboard.missingEmpty} />
              </div>
            ))}
          </div>
        </Panel>
        <Panel title={t.dashboard.duplicates} id="duplicates">
          {d.duplicates.length === 0 ? (
            <p className="text-sm text-muted">{t.dashboard.duplicatesEmpty}</p>
          ) : (
            <ul className="space-y-3">
              {d.duplicates.map((g) => (
                <li key={`${g.reason}:${g.key}`} className="rounded-lg border border-line p-3">
                  <p className="text-xs font-medium uppercase tracking-wide text-muted">{g.reason === "doi" ? `${t.dashboard.sameDoi}: ${g.key}` : t.dashboard.sameTitle}</p>
                  <ul className="mt-1 space-y-1">
                    {g.items.map((i) => (
                      <li key={i.id} className="text-sm">
                        <Link href={`/${lang}/curate/items/${i.id}`} prefetch={false}>
                          {i.title}
                        </Link>{" "}
                        <span className="text-muted">({t.status[i.status] ?? i.status})</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </>
  );
}

export default async function CuratePage({ params }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Dashboard lang={lang} />
      </Suspense>
    </div>
  );
}
