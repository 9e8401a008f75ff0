// External sign-in providers, each present only when the environment configures it:
// institutional single sign-on through OpenID Connect (users matched by email) and ORCID
// (researchers matched by the ORCID iD on their profile or a previous ORCID sign-in).
import type { OIDCConfig } from "next-auth/providers";
import type { Env } from "../env";

export type ExternalProviderInfo = { id: "oidc" | "orcid"; name: string };

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string; given_name?: string; family_name?: string };

export function oidcProvider(e: Env): OIDCConfig<OidcProfile> | null {
  if (!e.ATRIUM_OIDC_ISSUER || !e.ATRIUM_OIDC_CLIENT_ID || !e.ATRIUM_OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: e.ATRIUM_OIDC_NAME ?? "Institutional sign-in",
    type: "oidc",
    issuer: e.ATRIUM_OIDC_ISSUER,
    clientId: e.ATRIUM_OIDC_CLIENT_ID,
    clientSecret: e.ATRIUM_OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state", "nonce"],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email?.trim().toLowerCase() ?? null,
      name: profile.name ?? ([profile.given_name, profile.family_name].filter(Boolean).join(" ") || null),
    }),
  };
}

export type OrcidProfile = { sub: string; given_name?: string | null; family_name?: string | null; name?: string | null };

const ORCID = /^(?:https?:\/\/(?:sandbox\.)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;

/** The ORCID iD and display name in an ORCID OpenID Connect profile; null when it carries no valid iD. */
export function orcidIdentity(profile: OrcidProfile): { orcid: string; name: string | null } | null {
  const match = ORCID.exec((profile.sub ?? "").trim());
  if (!match) return null;
  const given = profile.given_name?.trim();
  const family = profile.family_name?.trim();
  const name = profile.name?.trim() || [given, family].filter(Boolean).join(" ") || null;
  return { orcid: match[1].toUpperCase(), name };
}

export function orcidProvider(e: Env): OIDCConfig<OrcidProfile> | null {
  if (!e.ATRIUM_ORCID_CLIENT_ID || !e.ATRIUM_ORCID_CLIENT_SECRET) return null;
  return {
    id: "orcid",
    name: "ORCID",
    type: "oidc",
    issuer: e.ATRIUM_ORCID_ISSUER.replace(/\/+$/, ""),
    clientId: e.ATRIUM_ORCID_CLIENT_ID,
    clientSecret: e.ATRIUM_ORCID_CLIENT_SECRET,
    authorization: { params: { scope: "openid" } },
    checks: ["state", "nonce"],
    profile: (profile) => {
      const identity = orcidIdentity(profile);
      return { id: identity?.orcid ?? "", name: identity?.name ?? null, email: null };
    },
  };
}

/** The buttons the sign-in page shows. */
export function externalProviders(e: Env): ExternalProviderInfo[] {
  const out: ExternalProviderInfo[] = [];
  const oidc = oidcProvider(e);
  if (oidc) out.push({ id: "oidc", name: oidc.name });
  if (orcidProvider(e)) out.push({ id: "orcid", name: "ORCID" });
  return out;
}
