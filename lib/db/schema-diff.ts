// Compares a live database with prisma/schema.prisma using Prisma's own schema engine (the
// WebAssembly build, which needs no native binary). Used by the migration test and by
// `npm run db:migration`, which writes the difference as a new migration.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
  free(): void;
};

type EngineModule = {
  SchemaEngine: { new: (options: unknown, log: () => void, adapter: unknown) => Promise<Engine> };
};

let engineModule: Promise<EngineModule> | undefined;

/** The wasm module can be instantiated once per process; engines are created from it at will. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= instantiateEngineModule();
  return engineModule;
}

async function instantiateEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = await import(path.join(dir, "schema_engine_bg.js"));
  // The package is built for bundlers; instantiate its wasm by hand for plain Node.
  const mod = await WebAssembly.compile(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = await WebAssembly.instantiate(mod, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bg as EngineModule;
}

async function loadEngine(adapter: SqlMigrationAwareDriverAdapterFactory, schema: string): Promise<Engine> {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const { SchemaEngine } = await loadEngineModule();
  return SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

/**
 * The SQL that would bring the database to what the schema describes; "" when they match.
 * Pass `fromEmpty` to get the script that creates the whole schema from nothing.
 */
export async function diffDatabaseToSchema(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  options: { schema?: string; fromEmpty?: boolean } = {},
): Promise<string> {
  const schema = options.schema ?? fs.readFileSync(SCHEMA_PATH, "utf8");
  const files = [{ path: "schema.prisma", content: schema }];
  const engine = await loadEngine(adapter, schema);
  try {
    const result = await engine.diff({
      from: options.fromEmpty ? { tag: "empty" } : { tag: "schemaDatasource", files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? result.stdout : "";
  } finally {
    engine.free();
  }
}
