// /signin — email + password, and the single sign-on buttons the environment configures.
// Never indexed, never cached publicly (it reads the session inside <Suspense>).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SignInForm } from "@/components/curate/signin-form";
import { getCurrentUser, safeReturnPath } from "@/lib/auth/guard";
import { externalProviders } from "@/lib/auth/providers";
import { env } from "@/lib/env";
import { isLang, type Lang } from "@/lib/i18n/config";
import { curateMessages } from "@/lib/i18n/messages-curate";
import { signInWithProvider } from "./actions";

type Props = PageProps<"/[lang]/signin">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: curateMessages[isLang(lang) ? lang : "en"].signIn.title, robots: { index: false, follow: false } };
}

/** Errors Auth.js reports in the URL after an external sign-in. */
function urlError(lang: Lang, error: string | undefined): string | undefined {
  const e = curateMessages[lang].signIn.errors;
  if (!error) return undefined;
  if (error === "NoAccount" || error === "AccessDenied") return e.noAccount;
  if (error === "Inactive") return e.inactive;
  if (error === "CredentialsSignin") return e.invalid;
  return e.generic;
}

async function SignInBody({ lang, searchParams }: { lang: Lang; searchParams: Props["searchParams"] }) {
  const t = curateMessages[lang];
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const next = safeReturnPath(one(query.next) ?? one(query.callbackUrl), `/${lang}/curate`);
  const user = await getCurrentUser();
  if (user) {
    return (
      <div className="space-y-4">
        <p>{t.signIn.signedInAs.replace("{name}", user.name)}</p>
        <Link href={`/${lang}/curate`} className="inline-block rounded-lg bg-accent px-4 py-2.5 font-medium text-accent-ink! no-underline hover:opacity-90">
          {t.signIn.toWorkspace}
        </Link>
      </div>
    );
  }
  const providers = externalProviders(env());
  return (
    <>
      <SignInForm
        lang={lang}
        next={next}
        initialError={urlError(lang, one(query.error))}
        text={{ email: t.signIn.email, password: t.signIn.password, submit: t.signIn.submit, submitting: t.signIn.submitting, errors: t.signIn.errors }}
      />
      {providers.length > 0 ? (
        <div className="mt-6">
          <p className="relative my-4 text-center text-sm text-muted before:absolute before:left-0 before:top-1/2 before:w-[40%] before:border-t before:border-line after:absolute after:right-0 after:top-1/2 after:w-[40%] after:border-t after:border-line">
            {t.signIn.or}
          </p>
          <div className="space-y-3">
            {providers.map((p) => (
              <form key={p.id} action={signInWithProvider}>
                <input type="hidden" name="provider" value={p.id} />
                <input type="hidden" name="lang" value={lang} />
                <input type="hidden" name="next" value={next} />
                <button type="submit" className="w-full rounded-lg border border-line bg-surface px-4 py-2.5 font-medium text-ink hover:border-accent hover:text-accent">
                  {t.signIn.with.replace("{name}", p.name)}
                </button>
              </form>
            ))}
          </div>
        </div>
      ) : null}
    </>
  );
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  const t = curateMessages[lang];
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t.signIn.title}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{t.signIn.intro}</p>
        <Suspense fallback={<div aria-hidden="true" className="h-56 animate-pulse rounded-lg bg-sunken" />}>
          <SignInBody lang={lang} searchParams={searchParams} />
        </Suspense>
      </div>
    </div>
  );
}
