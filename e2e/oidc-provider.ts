// A real OpenID Connect provider (oidc-provider) for the single sign-on test, on the port next to
// the application's. scripts/e2e.ts configures the application with oidcSettings() before it
// starts; the spec starts the provider itself. Its development login form accepts any login.
import type { Server } from "node:http";
import { AUTH_E2E } from "./auth-data";

export const OIDC_CLIENT = { id: "atrium-e2e", secret: "e2e-only-oidc-client-secret" };
export const OIDC_NAME = "Test Institute SSO";

export function oidcIssuer(appPort: number): string {
  return `http://127.0.0.1:${appPort + 7}`;
}

/** Environment for the application under test. */
export function oidcSettings(appPort: number): Record<string, string> {
  return {
    ATRIUM_OIDC_ISSUER: oidcIssuer(appPort),
    ATRIUM_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    ATRIUM_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    ATRIUM_OIDC_NAME: OIDC_NAME,
  };
}

/** Logins the provider knows: "sso" is the test account's email; anything else is unknown here. */
const PEOPLE: Record<string, { email: string; name: string }> = {
  sso: { email: AUTH_E2E.sso.email, name: AUTH_E2E.sso.name },
  stranger: { email: "stranger@test.invalid", name: "A Stranger" },
};

export async function startOidcProvider(appBaseUrl: string): Promise<{ close: () => Promise<void> }> {
  const { default: Provider } = await import("oidc-provider");
  const appPort = Number(new URL(appBaseUrl).port);
  const issuer = oidcIssuer(appPort);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appBaseUrl}/api/auth/callback/oidc`, `http://localhost:${appPort}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the granted claims in the ID token, as institutional providers commonly do.
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-only-cookie-key"] },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: PEOPLE[id]?.email ?? `${id}@test.invalid`, email_verified: true, name: PEOPLE[id]?.name ?? id }),
    }),
  });
  // Say why the provider refuses a request (the application only sees "invalid_grant").
  (provider as unknown as { on: (event: string, fn: (ctx: unknown, err: { message: string; error_detail?: string }) => void) => void }).on(
    "grant.error",
    (_ctx, err) => console.error(`oidc-provider: ${err.message} ${err.error_detail ?? ""}`),
  );
  const server: Server = provider.listen(appPort + 7);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
