// /curate/admin/users — administrators list accounts, create them, change roles, assign units,
// deactivate, and sign accounts out everywhere. Every form posts to a guarded server action.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Suspense } from "react";
import { ActionForm, type ActionFormText } from "@/components/curate/action-form";
import { Panel, WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canManageUsers } from "@/lib/auth/permissions";
import { getUserAdministration } from "@/lib/curate/workspace";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { curateMessages } from "@/lib/i18n/messages-curate";
import { assignUnitsAction, changeRoleAction, createUserAction, setActiveAction, signOutUserEverywhereAction } from "./actions";
import { FIELD } from "@/components/curate/editor-parts";

type Props = PageProps<"/[lang]/curate/admin/users">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: curateMessages[isLang(lang) ? lang : "en"].users.title };
}

const ROLES = ["ADMIN", "CURATOR", "RESEARCHER"] as const;

async function Users({ lang }: { lang: Lang }) {
  const t = curateMessages[lang];
  const { user, forbidden: refused } = await requirePageUser(lang, `/${lang}/curate/admin/users`, (u) => canManageUsers(u));
  if (refused) forbidden();
  const { users, units } = await getUserAdministration();
  const text: ActionFormText = { saved: t.users.saved, errors: t.errors };
  const dateTime = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const unitOptions = units.map((u) => ({ id: u.id, label: `${"\u00a0\u00a0\u00a0".repeat(u.depth)}${localized(lang, u.name, u.altName, "ko")}` }));
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="users" />
      <h1 className="text-2xl font-semibold tracking-tight">{t.users.title}</h1>
      <p className="mt-1 max-w-prose text-sm text-muted">{t.users.intro}</p>

      <div className="mt-6 space-y-4">
        {users.map((u) => {
          const id = `user-${u.id}`;
          return (
            <section key={u.id} aria-labelledby={id} className="rounded-xl border border-line bg-surface p-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h2 id={id} className="font-semibold">
                  {u.name}
                  {u.id === user.id ? <span className="font-normal text-muted"> ({t.users.you})</span> : null}
                </h2>
                <span className="break-all text-sm text-muted">{u.email}</span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${u.active ? "bg-accent-soft text-ink" : "bg-sunken text-muted"}`}>
                  {u.active ? t.users.active : t.users.inactive}
                </span>
              </div>
              <p className="mt-1 text-sm text-muted">
                {t.roles[u.role]}
                {u.units.length ? ` · ${u.units.map((x) => localized(lang, x.name, x.altName, "ko")).join(", ")}` : ""}
                {u.researcherName ? ` · ${t.users.linkedResearcher.replace("{name}", u.researcherName)}` : ""} · {t.users.lastSignIn}:{" "}
                {u.lastSignInAt ? dateTime.format(u.lastSignInAt) : t.users.never}
              </p>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-accent">{t.users.edit}</summary>
                <div className="mt-3 grid gap-4 md:grid-cols-2">
                  <ActionForm action={changeRoleAction} submitLabel={t.users.saveRole} text={text}>
                    <input type="hidden" name="userId" value={u.id} />
                    <label className="text-sm">
                      {t.users.role}
                      <select name="role" defaultValue={u.role} className={FIELD}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t.roles[r]}
                          </option>
                        ))}
                      </select>
                    </label>
                  </ActionForm>
                  <div className="flex flex-wrap items-start gap-2">
                    <ActionForm action={setActiveAction} submitLabel={u.active ? t.users.deactivate : t.users.activate} text={text} danger={u.active}>
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                    </ActionForm>
                    <ActionForm action={signOutUserEverywhereAction} submitLabel={t.users.signOutEverywhere} text={text}>
                      <input type="hidden" name="userId" value={u.id} />
                    </ActionForm>
                  </div>
                  {u.role === "CURATOR" ? (
                    <ActionForm action={assignUnitsAction} submitLabel={t.users.saveUnits} text={text} className="md:col-span-2 flex flex-wrap items-end gap-2">
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="w-full text-sm">
                        {t.users.unitsFor.replace("{name}", u.name)}
                        <select name="unitIds" multiple defaultValue={u.units.map((x) => String(x.id))} size={Math.min(8, unitOptions.length)} className={FIELD}>
                          {unitOptions.map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </label>
                    </ActionForm>
                  ) : null}
                </div>
              </details>
            </section>
          );
        })}
      </div>

      <div className="mt-8">
        <Panel title={t.users.create} id="create-user">
          <ActionForm
            action={createUserAction}
            submitLabel={t.users.createSubmit}
            text={text}
            success={t.users.createdWithPassword}
            successWhen="generatedPassword"
            className="grid gap-3 sm:grid-cols-2"
          >
            <label className="text-sm">
              {t.users.name}
              <input name="name" required maxLength={200} className={FIELD} />
            </label>
            <label className="text-sm">
              {t.users.email}
              <input name="email" type="email" required maxLength={320} className={FIELD} />
            </label>
            <label className="text-sm">
              {t.users.role}
              <select name="role" defaultValue="CURATOR" className={FIELD}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.roles[r]}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              {t.users.password}
              <input name="password" type="password" autoComplete="new-password" minLength={12} className={FIELD} aria-describedby="password-help" />
              <span id="password-help" className="mt-1 block text-xs text-muted">
                {t.users.passwordHelp}
              </span>
            </label>
            <label className="text-sm sm:col-span-2">
              {t.users.units}
              <select name="unitIds" multiple size={Math.min(6, unitOptions.length)} className={FIELD}>
                {unitOptions.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          </ActionForm>
        </Panel>
      </div>
    </>
  );
}

export default async function UsersPage({ params }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Users lang={lang} />
      </Suspense>
    </div>
  );
}
