// Generates the Prisma client. Prisma's CLI looks for its native schema engine on every command
// and cannot download it on machines without internet access; `generate` never uses it, so it is
// pointed at a harmless executable.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = fs.existsSync("/bin/true") ? "/bin/true" : process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
