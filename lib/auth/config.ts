// Auth.js: email + password (argon2id, throttled per account and per address), and — when the
// environment configures them — institutional OpenID Connect and ORCID. Sessions are JWTs (the
// credentials provider requires it); each request re-reads the account, so that deactivation,
// "sign out everywhere" and role changes take effect at once, and a session ends
// AUTH_SESSION_MAX_AGE after sign-in however active it is.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getSql } from "../db";
import { env } from "../env";
import { requestClientAddress } from "../http/client-address";
import { verifyAgainstDummy, verifyPassword, MAX_PASSWORD_LENGTH } from "./password";
import { authSecret, claimsForToken, type SessionClaims } from "./session";
import { oidcProvider, orcidIdentity, orcidProvider, type OrcidProfile } from "./providers";
import { recordSignInFailure, recordSignInSuccess, throttleWait } from "./throttle";
import { createUser, findUserByEmail, findUserByOrcid, linkAccount, normaliseEmail, recordSignIn } from "./users";

/** Wrong email or password (never says which). */
class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
/** Too many failures: the code carries the seconds to wait. */
class RateLimited extends CredentialsSignin {
  constructor(seconds: number) {
    super();
    this.code = `rate-limited-${seconds}`;
  }
}
class InactiveAccount extends CredentialsSignin {
  code = "inactive";
}

export const ZCredentials = z.object({
  email: z.string().trim().min(3).max(320).pipe(z.email()),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export type { SessionClaims };

async function authorizePassword(raw: unknown, request: Request): Promise<User> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) throw new InvalidCredentials();
  const { email, password } = parsed.data;
  const sql = await getSql();
  const subject = { email: normaliseEmail(email), ip: requestClientAddress(request.headers) };
  const wait = await throttleWait(sql, subject);
  if (wait !== null) throw new RateLimited(wait);
  const user = await findUserByEmail(sql, email);
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, password);
  else await verifyAgainstDummy(password);
  if (!ok || !user) {
    const locked = await recordSignInFailure(sql, subject);
    if (locked > 0) throw new RateLimited(locked);
    throw new InvalidCredentials();
  }
  if (!user.active) throw new InactiveAccount();
  await recordSignInSuccess(sql, email);
  await recordSignIn(sql, user.id);
  return { id: String(user.id), email: user.email, name: user.name };
}

/**
 * Finds the account an external sign-in belongs to (and, when configured, creates it). Returns
 * the account id, or a sign-in page URL with the reason it was refused.
 */
async function resolveExternalUser(provider: string, user: User, profile: unknown): Promise<number | string> {
  const sql = await getSql();
  const e = env();
  if (provider === "orcid") {
    const identity = orcidIdentity((profile ?? {}) as OrcidProfile);
    if (!identity) return "/signin?error=NoAccount";
    const found = await findUserByOrcid(sql, identity.orcid);
    if (!found) return "/signin?error=NoAccount";
    if (!found.active) return "/signin?error=Inactive";
    await linkAccount(sql, found.id, "orcid", identity.orcid);
    await recordSignIn(sql, found.id);
    return found.id;
  }
  const claims = (profile ?? {}) as { email?: string; email_verified?: boolean; sub?: string };
  const email = user.email ?? claims.email;
  if (!email || claims.email_verified === false) return "/signin?error=NoAccount";
  let found = await findUserByEmail(sql, email);
  if (!found && e.ATRIUM_OIDC_CREATE_USERS) {
    await createUser(sql, { email, name: user.name ?? email.split("@")[0], role: "RESEARCHER" });
    found = await findUserByEmail(sql, email);
  }
  if (!found) return "/signin?error=NoAccount";
  if (!found.active) return "/signin?error=Inactive";
  if (claims.sub) await linkAccount(sql, found.id, provider, claims.sub);
  await recordSignIn(sql, found.id);
  return found.id;
}

async function buildConfig(): Promise<NextAuthConfig> {
  const e = env();
  const maxAge = e.AUTH_SESSION_MAX_AGE;
  const external = [oidcProvider(e), orcidProvider(e)].filter((p) => p !== null);
  return {
    secret: await authSecret(),
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt", maxAge },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, request) => authorizePassword(credentials, request),
      }),
      ...external,
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const resolved = await resolveExternalUser(account.provider, user, profile);
        if (typeof resolved === "string") return resolved;
        // The session belongs to Atrium's account, not to the provider's subject.
        user.id = String(resolved);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.signedInAt = Date.now();
        }
        const claims = await claimsForToken(await getSql(), token, maxAge);
        if (!claims) return null;
        token.claims = claims;
        token.name = claims.name;
        token.email = claims.email;
        return token;
      },
      session({ session, token }) {
        (session as unknown as { claims: unknown }).claims = token.claims;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
