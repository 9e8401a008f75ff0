// npm run user:create -- --admin you@example.org   (see lib/auth/user-cli.ts for every option)
import { DatabaseUnavailableError, openDatabase } from "../lib/db/connection";
import { migrate, MigrationError } from "../lib/db/migrate";
import { ConfigError, env, pgliteDir } from "../lib/env";
import { runUserCreate } from "../lib/auth/user-cli";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a line from the terminal without echoing it. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let answer = "";
    const onData = (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(answer);
          return;
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("interrupted"));
          return;
        }
        if (ch === "\u007f" || ch === "\b") answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function main(): Promise<number> {
  const e = env();
  const db = await openDatabase({ url: e.DATABASE_URL, dir: pgliteDir(e), poolSize: 1 });
  try {
    await migrate(db.sql);
    return await runUserCreate(db.sql, process.argv.slice(2), {
      readStdin,
      prompt: process.stdin.isTTY ? prompt : undefined,
      out: (l) => console.log(l),
      err: (l) => console.error(l),
    });
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    const known = [ConfigError, DatabaseUnavailableError, MigrationError].some((k) => err instanceof k);
    console.error(`user:create: ${known ? err.message : (err?.stack ?? err)}`);
    process.exit(1);
  },
);
