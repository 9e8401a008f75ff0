import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-db";
import { assignUserUnits, changeUserRole, LastAdministratorError, listUsers, setUserActive, signOutEverywhere } from "./admin-users";
import { BootstrapError, createAdminFromEnv, ensureAuthSecret } from "./bootstrap";
import { verifyPassword } from "./password";
import { runUserCreate, type CliIo } from "./user-cli";
import { createUser, findUserByEmail, findUserByOrcid, linkAccount, loadSessionUser, loadUnitPath, UserExistsError } from "./users";

let db: TestDatabase;
let units: Record<string, number>;
beforeAll(async () => {
  db = await createTestDatabase();
  const insert = async (slug: string, parent: number | null) => {
    const [row] = await db.sql.query<{ id: number }>(
      `INSERT INTO unit (slug, name, parent_id, updated_at) VALUES ($1, $1, $2, now()) RETURNING id`,
      [slug, parent],
    );
    return Number(row.id);
  };
  const institute = await insert("institute", null);
  const division = await insert("division", institute);
  const group = await insert("group", division);
  units = { institute, division, group };
  await db.sql.query(
    `INSERT INTO researcher (slug, display_name, orcid, primary_unit_id, updated_at) VALUES ('koo-ja-wook', 'Koo, Ja Wook', '0000-0002-1825-0097', $1, now())`,
    [group],
  );
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const audit = async (entityId: number) =>
  db.sql.query<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }>(
    `SELECT action, changes FROM audit_entry WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`,
    [entityId],
  );

describe("accounts", () => {
  it("creates an account with a hashed password, units and an audit entry", async () => {
    const id = await createUser(db.sql, { email: " Curator@Example.org ", name: "Kim Curator", role: "CURATOR", password: "a long enough password", unitIds: [units.division] });
    const found = await findUserByEmail(db.sql, "curator@example.org");
    expect(found?.id).toBe(id);
    expect(await verifyPassword(found!.passwordHash!, "a long enough password")).toBe(true);
    const session = await loadSessionUser(db.sql, id);
    expect(session).toMatchObject({ role: "CURATOR", active: true, unitIds: [units.division], sessionsValidAfter: null });
    const [entry] = await audit(id);
    expect(entry.action).toBe("create");
    expect(entry.changes.role).toEqual({ before: null, after: "CURATOR" });
    expect(JSON.stringify(entry.changes)).not.toContain("a long enough password");
    await expect(createUser(db.sql, { email: "curator@example.org", name: "Again", role: "ADMIN" })).rejects.toBeInstanceOf(UserExistsError);
  });

  it("finds the unit path from the root", async () => {
    expect(await loadUnitPath(db.sql, units.group)).toEqual([units.institute, units.division, units.group]);
    expect(await loadUnitPath(db.sql, 999_999)).toEqual([]);
  });

  it("matches ORCID sign-ins through the researcher profile or an earlier link", async () => {
    const [{ id: researcherId }] = await db.sql.query<{ id: number }>(`SELECT id FROM researcher WHERE slug = 'koo-ja-wook'`);
    const id = await createUser(db.sql, { email: "koo@example.org", name: "Koo", role: "RESEARCHER", researcherId });
    expect((await findUserByOrcid(db.sql, "0000-0002-1825-0097"))?.id).toBe(id);
    expect(await findUserByOrcid(db.sql, "0000-0001-5109-3700")).toBeNull();
    const other = await createUser(db.sql, { email: "other@example.org", name: "Other", role: "RESEARCHER" });
    await linkAccount(db.sql, other, "orcid", "0000-0001-5109-3700");
    await linkAccount(db.sql, other, "orcid", "0000-0001-5109-3700");
    expect((await findUserByOrcid(db.sql, "0000-0001-5109-3700"))?.id).toBe(other);
  });
});

describe("administration", () => {
  it("changes role, units and state with before/after in the audit log, and keeps one administrator", async () => {
    const admin = await createUser(db.sql, { email: "admin@example.org", name: "Admin", role: "ADMIN", password: "another long password" });
    const target = await createUser(db.sql, { email: "target@example.org", name: "Target", role: "RESEARCHER" });
    await changeUserRole(db.sql, admin, target, "CURATOR");
    await assignUserUnits(db.sql, admin, target, [units.group, units.division, units.group]);
    await setUserActive(db.sql, admin, target, false);
    await signOutEverywhere(db.sql, admin, target);
    const entries = await audit(target);
    expect(entries.map((e) => e.action)).toEqual(["create", "update", "update", "update", "sign-out-everywhere"]);
    expect(entries[1].changes.role).toEqual({ before: "RESEARCHER", after: "CURATOR" });
    expect(entries[2].changes.unitIds).toEqual({ before: [], after: [units.division, units.group].sort((a, b) => a - b) });
    expect(entries[3].changes.active).toEqual({ before: true, after: false });
    const session = await loadSessionUser(db.sql, target);
    expect(session?.active).toBe(false);
    expect(session?.sessionsValidAfter).toBeInstanceOf(Date);

    await expect(changeUserRole(db.sql, admin, admin, "CURATOR")).rejects.toBeInstanceOf(LastAdministratorError);
    await expect(setUserActive(db.sql, admin, admin, false)).rejects.toBeInstanceOf(LastAdministratorError);
    const list = await listUsers(db.sql);
    expect(list.find((u) => u.id === target)?.units.map((u) => u.name).sort()).toEqual(["division", "group"]);
  });
});

describe("bootstrap", () => {
  it("keeps one generated secret", async () => {
    const a = await ensureAuthSecret(db.sql);
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(await ensureAuthSecret(db.sql)).toBe(a);
  });

  it("creates the first administrator from the environment only when none exists", async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await createAdminFromEnv(fresh.sql, undefined, undefined)).toBeNull();
      await expect(createAdminFromEnv(fresh.sql, "boss@example.org", undefined)).rejects.toBeInstanceOf(BootstrapError);
      await expect(createAdminFromEnv(fresh.sql, "boss@example.org", "short")).rejects.toBeInstanceOf(BootstrapError);
      expect(await createAdminFromEnv(fresh.sql, "Boss@example.org", "a password from the environment")).toBe("boss@example.org");
      expect(await createAdminFromEnv(fresh.sql, "second@example.org", "a password from the environment")).toBeNull();
      const [row] = await fresh.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`);
      expect(row.n).toBe(1);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});

describe("npm run user:create", () => {
  const io = (stdin = "", answers: string[] | null = null) => {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliIo = {
      readStdin: async () => stdin,
      prompt: answers ? async () => answers.shift() ?? "" : undefined,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    };
    return { cli, out, err };
  };

  it("creates an administrator from a password on standard input and prints no secret", async () => {
    const { cli, out, err } = io("a piped password here\n");
    expect(await runUserCreate(db.sql, ["--admin", "root@example.org", "--password-stdin"], cli)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("\n")).not.toContain("a piped password here");
    const user = await findUserByEmail(db.sql, "root@example.org");
    expect(await verifyPassword(user!.passwordHash!, "a piped password here")).toBe(true);
    expect((await loadSessionUser(db.sql, user!.id))?.role).toBe("ADMIN");
  });

  it("asks twice at a terminal and refuses differing answers", async () => {
    const differ = io("", ["first password!!", "second password!"]);
    expect(await runUserCreate(db.sql, ["--admin", "typo@example.org"], differ.cli)).toBe(1);
    expect(differ.err.join()).toContain("differ");
    const same = io("", ["typed password ok", "typed password ok"]);
    expect(await runUserCreate(db.sql, ["--role", "curator", "--unit", "group", "typed@example.org"], same.cli)).toBe(0);
    const user = await findUserByEmail(db.sql, "typed@example.org");
    expect((await loadSessionUser(db.sql, user!.id))?.unitIds).toEqual([units.group]);
  });

  it("prints a password only when it generated it", async () => {
    const { cli, out } = io();
    expect(await runUserCreate(db.sql, ["gen@example.org", "--generate-password"], cli)).toBe(0);
    const printed = /password: (\S+)/.exec(out.join("\n"))?.[1];
    const user = await findUserByEmail(db.sql, "gen@example.org");
    expect(await verifyPassword(user!.passwordHash!, printed!)).toBe(true);
  });

  it("refuses bad input with a message and writes nothing", async () => {
    const cases: [string[], string, string][] = [
      [["not-an-email", "--password-stdin"], "long enough password", "email"],
      [["x@example.org", "--password-stdin"], "short", "12 characters"],
      [["x@example.org"], "", "no terminal"],
      [["x@example.org", "--role", "curator", "--unit", "nowhere", "--password-stdin"], "long enough password", "no unit"],
      [["root@example.org", "--password-stdin"], "long enough password", "exists already"],
      [["x@example.org", "--role", "wizard", "--password-stdin"], "long enough password", "unknown role"],
    ];
    for (const [argv, stdin, message] of cases) {
      const { cli, err } = io(stdin);
      expect(await runUserCreate(db.sql, argv, cli)).toBeGreaterThan(0);
      expect(err.join("\n")).toContain(message);
    }
    expect(await findUserByEmail(db.sql, "x@example.org")).toBeNull();
  });
});
