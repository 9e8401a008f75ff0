// Demonstration accounts: an administrator, a curator of the model record's research group and a
// researcher linked to "Koo, Ja Wook". Their passwords are generated on every seed and printed
// once by it — they exist for trying the workspace on demonstration data, never for production.
import type { Sql } from "../db/connection";
import { generatePassword, hashPassword } from "../auth/password";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.atrium.invalid", name: "Demo Administrator", role: "ADMIN" },
  { email: "curator@demo.atrium.invalid", name: "Demo Curator", role: "CURATOR" },
  { email: "koo@demo.atrium.invalid", name: "Koo, Ja Wook", role: "RESEARCHER" },
] as const;

export type DemoAccount = { email: string; role: string; password: string; note: string };

/** Creates the demonstration accounts after the (deterministic) demonstration data, and logs their passwords. */
export async function seedDemoAccounts(tx: Sql, log: (line: string) => void = () => {}): Promise<DemoAccount[]> {
  const [koo] = await tx.query<{ id: number; unit_id: number | null; unit_name: string | null }>(
    `SELECT r.id, r.primary_unit_id AS unit_id, u.name AS unit_name FROM researcher r LEFT JOIN unit u ON u.id = r.primary_unit_id WHERE r.slug = 'koo-ja-wook'`,
  );
  const out: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = generatePassword();
    const researcherId = account.role === "RESEARCHER" ? (koo?.id ?? null) : null;
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO app_user (email, name, password_hash, role, researcher_id, updated_at) VALUES ($1, $2, $3, $4::role, $5, now()) RETURNING id`,
      [account.email, account.name, await hashPassword(password), account.role, researcherId],
    );
    let note = account.role === "ADMIN" ? "everything" : "own profile (Koo, Ja Wook)";
    if (account.role === "CURATOR" && koo?.unit_id) {
      await tx.query(`INSERT INTO unit_assignment (user_id, unit_id) VALUES ($1, $2)`, [row.id, koo.unit_id]);
      note = `curator of ${koo.unit_name}`;
    }
    await tx.query(
      `INSERT INTO audit_entry (user_id, action, entity_type, entity_id, summary) VALUES (NULL, 'create', 'user', $1, 'demonstration account')`,
      [row.id],
    );
    out.push({ email: account.email, role: account.role.toLowerCase(), password, note });
  }
  log("demonstration accounts (demo only — passwords are generated on every seed; create real accounts with npm run user:create):");
  for (const a of out) log(`  ${a.role.padEnd(10)} ${a.email}  password: ${a.password}  (${a.note})`);
  return out;
}
