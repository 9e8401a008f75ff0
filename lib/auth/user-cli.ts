// `npm run user:create` — the command that makes the first administrator (and any account):
//   npm run user:create -- --admin you@example.org            (asks for the password twice)
//   npm run user:create -- you@example.org --role curator --unit emotion-group --name "Kim Min"
//   printf '%s\n' "$PASSWORD" | npm run user:create -- --admin you@example.org --password-stdin
//   npm run user:create -- --admin you@example.org --generate-password   (prints the password it made)
// It prints no secret it did not generate itself.
import { parseArgs } from "node:util";
import type { Sql } from "../db/connection";
import { generatePassword, MIN_PASSWORD_LENGTH, passwordProblem } from "./password";
import type { Role } from "./permissions";
import { createUser, UserExistsError } from "./users";

export const USER_CREATE_USAGE = `usage: npm run user:create -- [--admin] <email> [--role admin|curator|researcher] [--name NAME]
       [--unit SLUG]... [--researcher SLUG] [--password-stdin | --generate-password]`;

export type CliIo = {
  /** Reads the whole of standard input (for --password-stdin). */
  readStdin: () => Promise<string>;
  /** Asks a question without echoing the answer; undefined when there is no terminal. */
  prompt?: (question: string) => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
};

export class CliError extends Error {}

export async function runUserCreate(sql: Sql, argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        admin: { type: "boolean" },
        role: { type: "string" },
        name: { type: "string" },
        unit: { type: "string", multiple: true },
        researcher: { type: "string" },
        "password-stdin": { type: "boolean" },
        "generate-password": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n${USER_CREATE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USER_CREATE_USAGE);
    return 0;
  }
  try {
    const email = positionals[0];
    if (!email || positionals.length > 1 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new CliError("give exactly one email address");
    const roleName = (values.admin ? "admin" : (values.role ?? "researcher")).toUpperCase();
    if (!["ADMIN", "CURATOR", "RESEARCHER"].includes(roleName)) throw new CliError(`unknown role ${values.role}`);
    if (values.admin && values.role && values.role.toUpperCase() !== "ADMIN") throw new CliError("--admin and --role disagree");
    if (values["password-stdin"] && values["generate-password"]) throw new CliError("choose --password-stdin or --generate-password, not both");
    const role = roleName as Role;

    const unitIds: number[] = [];
    for (const slug of values.unit ?? []) {
      const [row] = await sql.query<{ id: number }>(`SELECT id FROM unit WHERE slug = $1`, [slug]);
      if (!row) throw new CliError(`no unit with the slug ${slug}`);
      unitIds.push(Number(row.id));
    }
    if (unitIds.length && role !== "CURATOR") throw new CliError("--unit is for curators (--role curator)");
    let researcherId: number | null = null;
    if (values.researcher) {
      const [row] = await sql.query<{ id: number }>(`SELECT id FROM researcher WHERE slug = $1`, [values.researcher]);
      if (!row) throw new CliError(`no researcher with the slug ${values.researcher}`);
      researcherId = Number(row.id);
    }

    let password: string;
    let generated = false;
    if (values["generate-password"]) {
      password = generatePassword();
      generated = true;
    } else if (values["password-stdin"]) {
      password = (await io.readStdin()).replace(/\r?\n$/, "");
    } else if (io.prompt) {
      password = await io.prompt("Password: ");
      const again = await io.prompt("Password again: ");
      if (again !== password) throw new CliError("the two passwords differ");
    } else {
      throw new CliError("no terminal to ask for a password: use --password-stdin or --generate-password");
    }
    const problem = passwordProblem(password);
    if (problem === "tooShort") throw new CliError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    if (problem === "tooLong") throw new CliError("the password is too long");

    const name = values.name?.trim() || email.split("@")[0];
    const id = await createUser(sql, { email, name, role, password, unitIds, researcherId });
    io.out(`created ${role.toLowerCase()} ${email.toLowerCase()} (account ${id})`);
    if (generated) io.out(`password: ${password}`);
    return 0;
  } catch (err) {
    if (err instanceof CliError || err instanceof UserExistsError) {
      io.err(`user:create: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
