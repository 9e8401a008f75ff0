// A version-neutral fingerprint of a database's schema (tables, columns, indexes, constraints,
// enums), for comparing two databases that may run different PostgreSQL versions.
import type { Sql } from "./connection";

export async function schemaFingerprint(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ line: string }>(`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable ||
           ' default=' || coalesce(column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n' -- PostgreSQL 18 lists NOT NULL here too
    UNION ALL
    SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`);
  // Indexes over expressions (named *_expr_idx) are written by hand below a migration's marked
  // line: Prisma's schema has no notation for them, so they are not part of the comparison.
  return rows
    .map((r) => r.line)
    .filter((l) => !l.includes("_prisma_migrations") && !/^index CREATE INDEX \w+_expr_idx /.test(l))
    .sort();
}
