"use server";
// Sign-in and sign-out actions. Auth.js does the work (lib/auth/config.ts); these turn its
// refusals into messages the form can show, and never follow a return path off this site.
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/lib/auth/config";
import { getCurrentUser, safeReturnPath } from "@/lib/auth/guard";
import { signOutMyAccountEverywhere } from "@/lib/curate/workspace";
import { isLang } from "@/lib/i18n/config";

export type SignInState = { error: "invalid" | "rateLimited" | "inactive" | "generic" | "missing"; wait?: number; email?: string } | null;

function langOf(form: FormData) {
  const lang = form.get("lang");
  return isLang(lang) ? lang : "en";
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const lang = langOf(form);
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "missing", email };
  const redirectTo = safeReturnPath(form.get("next"), `/${lang}/curate`);
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      const code = err.code ?? "";
      const wait = /^rate-limited-(\d+)$/.exec(code);
      if (wait) return { error: "rateLimited", wait: Number(wait[1]), email };
      if (code === "inactive") return { error: "inactive", email };
      return { error: "invalid", email };
    }
    if (err instanceof AuthError) return { error: "generic", email };
    // A successful sign-in ends in a redirect, which Next.js implements as a thrown signal.
    throw err;
  }
  return null;
}

export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = String(form.get("provider") ?? "");
  const lang = langOf(form);
  if (provider !== "oidc" && provider !== "orcid") return;
  await signIn(provider, { redirectTo: safeReturnPath(form.get("next"), `/${lang}/curate`) });
}

export async function signOutAction(form: FormData): Promise<void> {
  await signOut({ redirectTo: `/${langOf(form)}/signin` });
}

/** Ends every session of the signed-in account (this one included). */
export async function signOutEverywhereAction(form: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (user) await signOutMyAccountEverywhere(user);
  await signOut({ redirectTo: `/${langOf(form)}/signin` });
}
