// /curate/me — the signed-in account: role, units, linked researcher profile, sign-out (here or
// everywhere).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { getMyAccount } from "@/lib/curate/workspace";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { curateMessages } from "@/lib/i18n/messages-curate";
import { signOutEverywhereAction } from "../../signin/actions";

type Props = PageProps<"/[lang]/curate/me">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: curateMessages[isLang(lang) ? lang : "en"].me.title };
}

async function Account({ lang }: { lang: Lang }) {
  const t = curateMessages[lang];
  const { user } = await requirePageUser(lang, `/${lang}/curate/me`);
  const account = await getMyAccount(user);
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
    </>
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
