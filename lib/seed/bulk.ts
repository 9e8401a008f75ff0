// Batched, set-based inserts that run the same on the PostgreSQL server and on PGlite: one
// `INSERT … SELECT … FROM unnest($1::int[], $2::text[], …)` per few thousand rows, never a
// statement per row. Enum, array and JSON columns travel as text and are cast in SQL, because
// PGlite cannot serialise arrays of enum or JSON values as parameters.
import type { Sql } from "../db/connection";

export type ColumnType =
  | "int"
  | "bigint"
  | "text"
  | "boolean"
  | "timestamptz"
  | "date"
  | "double precision"
  /** a JSON value, passed as its text */
  | "jsonb"
  /** a text[] column, passed as the JSON text of a string array */
  | "text[]"
  /** an enum column: `{ enum: "item_type" }` */
  | { enum: string };

export type Column<R> = { name: string; type: ColumnType; value: (row: R) => unknown };

function paramType(type: ColumnType): string {
  if (typeof type === "object" || type === "jsonb" || type === "text[]") return "text";
  return type;
}

function selectExpression(column: string, type: ColumnType): string {
  const ref = `u."${column}"`;
  if (typeof type === "object") return `${ref}::"${type.enum}"`;
  if (type === "jsonb") return `${ref}::jsonb`;
  if (type === "text[]") return `ARRAY(SELECT jsonb_array_elements_text(${ref}::jsonb))`;
  return ref;
}

/** Inserts rows in batches of `batchSize`; returns the number of rows written. */
export async function insertRows<R>(
  sql: Sql,
  table: string,
  columns: Column<R>[],
  rows: readonly R[],
  batchSize = 2000,
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const params = columns.map((c, i) => `$${i + 1}::${paramType(c.type)}[]`).join(", ");
  const selects = columns.map((c) => selectExpression(c.name, c.type)).join(", ");
  const text = `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${params}) AS u(${names})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const values = columns.map((c) =>
      batch.map((row) => {
        const v = c.value(row);
        if (v === undefined || v === null) return null;
        if (c.type === "jsonb" || c.type === "text[]") return JSON.stringify(v);
        if (v instanceof Date) return v.toISOString();
        if (typeof v === "bigint") return v.toString();
        return v;
      }),
    );
    await sql.query(text, values);
  }
  return rows.length;
}

/** Moves a serial column's sequence past the explicit ids the seed wrote. */
export async function syncSequence(sql: Sql, table: string, column = "id"): Promise<void> {
  await sql.query(
    `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`,
    [table, column],
  );
}
