import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";

const envOf = (vars: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...vars });
import { externalProviders, oidcProvider, orcidIdentity, orcidProvider } from "./providers";
import { safeReturnPath } from "./return-path";

describe("ORCID profile mapping", () => {
  it("takes the iD from sub, in either form, and builds the name", () => {
    expect(orcidIdentity({ sub: "0000-0002-1825-0097", given_name: "Josiah", family_name: "Carberry" })).toEqual({
      orcid: "0000-0002-1825-0097",
      name: "Josiah Carberry",
    });
    expect(orcidIdentity({ sub: "https://orcid.org/0000-0001-5109-370x", name: "  Kim, Min  " })).toEqual({ orcid: "0000-0001-5109-370X", name: "Kim, Min" });
    expect(orcidIdentity({ sub: "0000-0002-1825-0097" })).toEqual({ orcid: "0000-0002-1825-0097", name: null });
  });

  it("rejects anything that is not an ORCID iD", () => {
    expect(orcidIdentity({ sub: "" })).toBeNull();
    expect(orcidIdentity({ sub: "https://evil.example/0000-0002-1825-0097" })).toBeNull();
    expect(orcidIdentity({ sub: "0000-0002-1825" })).toBeNull();
  });

  it("maps the provider profile to a user without an email", () => {
    const provider = orcidProvider(envOf({ ATRIUM_ORCID_CLIENT_ID: "APP-1", ATRIUM_ORCID_CLIENT_SECRET: "s" }))!;
    expect(provider.issuer).toBe("https://orcid.org");
    expect(provider.profile!({ sub: "0000-0002-1825-0097", given_name: "Ja Wook", family_name: "Koo" }, {})).toEqual({
      id: "0000-0002-1825-0097",
      name: "Ja Wook Koo",
      email: null,
    });
  });
});

describe("provider configuration", () => {
  it("offers only what the environment configures", () => {
    expect(externalProviders(envOf({}))).toEqual([]);
    expect(oidcProvider(envOf({ ATRIUM_OIDC_ISSUER: "https://id.example.org", ATRIUM_OIDC_CLIENT_ID: "atrium" }))).toBeNull();
    const e = envOf({
      ATRIUM_OIDC_ISSUER: "https://id.example.org",
      ATRIUM_OIDC_CLIENT_ID: "atrium",
      ATRIUM_OIDC_CLIENT_SECRET: "secret",
      ATRIUM_OIDC_NAME: "KBRI staff",
      ATRIUM_ORCID_CLIENT_ID: "APP-1",
      ATRIUM_ORCID_CLIENT_SECRET: "s",
      ATRIUM_ORCID_ISSUER: "https://sandbox.orcid.org/",
    });
    expect(externalProviders(e)).toEqual([
      { id: "oidc", name: "KBRI staff" },
      { id: "orcid", name: "ORCID" },
    ]);
    expect(oidcProvider(e)!.profile!({ sub: "u1", email: " Kim@Example.org ", given_name: "Min", family_name: "Kim" }, {})).toEqual({
      id: "u1",
      email: "kim@example.org",
      name: "Min Kim",
    });
    expect(orcidProvider(e)!.issuer).toBe("https://sandbox.orcid.org");
  });
});

describe("return path", () => {
  it("returns only to paths on this site", () => {
    expect(safeReturnPath("/ko/curate/me")).toBe("/ko/curate/me");
    expect(safeReturnPath("//evil.example/x")).toBe("/curate");
    expect(safeReturnPath("https://evil.example")).toBe("/curate");
    expect(safeReturnPath("/\\evil.example")).toBe("/curate");
    expect(safeReturnPath(undefined)).toBe("/curate");
  });
});
