// /curate/me — the signed-in account: role, units, linked researcher profile, sign-out (here or
// everywhere), personal API tokens (created, listed, revoked; a secret is shown only once); for an
// account linked to a researcher, "My research": their items with what they
// lack, their usage, their own profile fields and their correction requests.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ActionForm } from "@/components/curate/action-form";
import { CorrectionList } from "@/components/curate/corrections";
import { FIELD } from "@/components/curate/editor-parts";
import { Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import type { GuardUser } from "@/lib/auth/guard";
import { getMyResearch } from "@/lib/curate/researcher-workspace";
import { researchMessages } from "@/lib/i18n/messages-research";
import { requirePageUser } from "@/lib/auth/guard";
import { ApiTokenForm } from "@/components/curate/api-token-form";
import { EXPIRY_DAYS, type ApiTokenInfo } from "@/lib/auth/tokens";
import { getMyAccount, getMyApiTokens } from "@/lib/curate/workspace";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { curateMessages } from "@/lib/i18n/messages-curate";
import { signOutEverywhereAction } from "../../signin/actions";
import { createTokenAction, revokeTokenAction, saveOwnProfileAction } from "./actions";

type Props = PageProps<"/[lang]/curate/me">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: curateMessages[isLang(lang) ? lang : "en"].me.title };
}

async function Account({ lang }: { lang: Lang }) {
  const t = curateMessages[lang];
  const { user } = await requirePageUser(lang, `/${lang}/curate/me`);
  const [account, tokens] = await Promise.all([getMyAccount(user), getMyApiTokens(user)]);
  const row = "grid gap-1 py-2.5 sm:grid-cols-[12rem_1fr]";
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="me" />
      <h1 className="text-2xl font-semibold tracking-tight">{t.me.title}</h1>
      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Panel title={user.name} id="account">
          <dl className="divide-y divide-line text-sm">
            <div className={row}>
              <dt className="text-muted">{t.me.email}</dt>
              <dd className="break-all">{user.email}</dd>
            </div>
            <div className={row}>
              <dt className="text-muted">{t.me.role}</dt>
              <dd>{t.roles[user.role]}</dd>
            </div>
            <div className={row}>
              <dt className="text-muted">{t.me.units}</dt>
              <dd>{account.units.length ? account.units.map((u) => localized(lang, u.name, u.altName, u.altLang)).join(", ") : t.me.none}</dd>
            </div>
            <div className={row}>
              <dt className="text-muted">{t.me.researcher}</dt>
              <dd>
                {account.researcher ? (
                  <>
                    {account.researcher.displayName}
                    {account.researcher.orcid ? <span className="text-muted"> · ORCID {account.researcher.orcid}</span> : null} —{" "}
                    <Link href={`/researchers/${account.researcher.slug}`} prefetch={false}>
                      {t.me.viewProfile}
                    </Link>
                  </>
                ) : (
                  <span className="text-muted">{t.me.noResearcher}</span>
                )}
              </dd>
            </div>
          </dl>
        </Panel>
        <Panel title={t.me.sessions} id="sessions">
          <p className="text-sm text-muted">{t.me.sessionsHelp}</p>
          <form action={signOutEverywhereAction} className="mt-4">
            <input type="hidden" name="lang" value={lang} />
            <button type="submit" className="rounded-lg border border-warn/50 px-3 py-1.5 text-sm font-medium text-warn hover:bg-warn/10">
              {t.me.signOutEverywhere}
            </button>
          </form>
        </Panel>
      </div>
      <div className="mt-5">
        <ApiTokens lang={lang} tokens={tokens} />
      </div>
      <MyResearch lang={lang} user={user} />
    </>
  );
}

function ApiTokens({ lang, tokens }: { lang: Lang; tokens: ApiTokenInfo[] }) {
  const t = curateMessages[lang];
  const tt = t.tokens;
  const date = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <Panel title={tt.title} id="api-tokens" aside={<a href="/api/v1/openapi.json">{tt.docs}</a>}>
      <p className="max-w-prose text-sm text-muted">{tt.intro}</p>
      <div className="mt-4">
        <ApiTokenForm
          action={createTokenAction}
          choices={[...EXPIRY_DAYS.map(String), "never"]}
          text={{ name: tt.name, namePlaceholder: tt.namePlaceholder, expires: tt.expires, expiresIn: tt.expiresIn, create: tt.create, created: tt.created, copyHint: tt.copyHint, errors: t.errors }}
        />
      </div>
      <h3 className="mt-6 text-sm font-semibold">{tt.listLabel}</h3>
      {tokens.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{tt.none}</p>
      ) : (
        <ul className="mt-2 divide-y divide-line" aria-label={tt.listLabel}>
          {tokens.map((token) => {
            const state = tt[token.state];
            const live = token.state === "active";
            return (
              <li key={token.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="api-token">
                <div className="min-w-0 text-sm">
                  <p className="flex flex-wrap items-baseline gap-x-2">
                    <span className="break-all font-medium">{token.name}</span>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${live ? "bg-accent-soft text-ink" : "bg-sunken text-muted"}`}>{state}</span>
                  </p>
                  <p className="mt-1 text-xs text-muted">
                    {tt.prefix} <code className="font-mono">{token.prefix}…</code> · {tt.createdAt} {date.format(token.createdAt)} · {tt.lastUsed}{" "}
                    {token.lastUsedAt ? dateTime.format(token.lastUsedAt) : tt.never} · {tt.expiresAt} {token.expiresAt ? date.format(token.expiresAt) : tt.noExpiry}
                  </p>
                </div>
                {live ? (
                  <ActionForm action={revokeTokenAction} submitLabel={tt.revoke} text={{ saved: tt.revokedDone, errors: t.errors }} danger>
                    <input type="hidden" name="tokenId" value={token.id} />
                  </ActionForm>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

async function MyResearch({ lang, user }: { lang: Lang; user: GuardUser }) {
  if (user.researcherId === null) return null;
  const t = researchMessages[lang];
  const research = await getMyResearch(user);
  if (!research) return <p className="mt-8 text-muted">{t.noProfile}</p>;
  const { profile, items, usage, corrections } = research;
  const number = (n: number) => n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
  const figures = [
    { label: `${t.views} · ${t.last30}`, n: usage.last30.totals.views },
    { label: `${t.downloads} · ${t.last30}`, n: usage.last30.totals.downloads },
    { label: `${t.views} · ${t.allTime}`, n: usage.allTime.totals.views },
    { label: `${t.downloads} · ${t.allTime}`, n: usage.allTime.totals.downloads },
  ];
  return (
    <section aria-labelledby="my-research" className="mt-10">
      <h2 id="my-research" className="text-xl font-semibold tracking-tight">
        {t.title}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-muted">{t.intro}</p>
      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <Panel title={t.usage} id="usage" aside={<Link href={`/researchers/${profile.slug}/statistics`} prefetch={false}>{t.dashboardLink}</Link>}>
          <dl className="grid grid-cols-2 gap-3">
            {figures.map((f) => (
              <div key={f.label} className="rounded-xl border border-line bg-surface px-4 py-3">
                <dt className="text-xs text-muted">{f.label}</dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums">{number(f.n)}</dd>
              </div>
            ))}
          </dl>
        </Panel>
        <Panel title={t.profile} id="profile" aside={<Link href={`/researchers/${profile.slug}`} prefetch={false}>{t.viewProfile}</Link>}>
          <p className="mb-3 text-sm text-muted">{t.profileHelp}</p>
          <ActionForm action={saveOwnProfileAction} submitLabel={t.save} text={{ saved: t.saved, errors: t.errors }} className="grid gap-3">
            <input type="hidden" name="version" value={profile.version} />
            <label className="text-sm">
              {t.position}
              <input name="position" defaultValue={profile.position ?? ""} maxLength={300} className={FIELD} />
            </label>
            <label className="text-sm">
              {t.biography}
              <textarea name="biography" defaultValue={profile.biography ?? ""} rows={6} className={FIELD} />
            </label>
            <label className="text-sm">
              {t.interests} <span className="text-muted">({t.interestsHelp})</span>
              <textarea name="researchInterests" defaultValue={profile.researchInterests.join("\n")} rows={4} className={FIELD} />
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="showEmail" defaultChecked={profile.showEmail} className="size-4" />
              {t.showEmail}
              {profile.email ? <span className="break-all text-muted">({profile.email})</span> : null}
            </label>
          </ActionForm>
        </Panel>
        <Panel title={t.items} id="items">
          {items.length === 0 ? (
            <p className="text-sm text-muted">{t.itemsEmpty}</p>
          ) : (
            <ul className="divide-y divide-line">
              {items.map((i) => {
                const missing = [i.missing.doi && t.missingDoi, i.missing.abstract && t.missingAbstract, i.missing.file && t.missingFile].filter(Boolean);
                return (
                  <li key={i.id} className="py-2 first:pt-0 last:pb-0">
                    {i.status === "PUBLISHED" ? (
                      <Link href={`/handle/${i.handle}`} prefetch={false} className="font-medium leading-snug">
                        {i.title}
                      </Link>
                    ) : (
                      <span className="font-medium leading-snug">{i.title}</span>
                    )}
                    <p className="text-xs text-muted">
                      {curateMessages[lang].status[i.status] ?? i.status}
                      {i.issueYear ? ` · ${i.issueYear}` : ""} · {missing.length ? <span className="text-warn">{`${t.missing}: ${missing.join(", ")}`}</span> : t.complete}
                      {i.openCorrections ? ` · ${t.openRequests.replace("{n}", String(i.openCorrections))}` : ""}
                    </p>
                    <Link href={`/${lang}/curate/me/items/${i.id}/correction`} prefetch={false} className="text-sm">
                      {t.propose}
                      <span className="sr-only">: {i.title}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>
        <Panel title={t.corrections} id="corrections">
          {corrections.length === 0 ? <p className="text-sm text-muted">{t.correctionsEmpty}</p> : <CorrectionList requests={corrections} lang={lang} itemLinks="public" />}
        </Panel>
      </div>
    </section>
  );
}

export default async function MePage({ params }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Account lang={lang} />
      </Suspense>
    </div>
  );
}
