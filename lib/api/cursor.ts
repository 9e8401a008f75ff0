// Opaque keyset cursors: the sort key of the last row of a page, bound to the list it came from.
// Clients pass them back unchanged; the encoding (base64url JSON) is not part of the contract.

export type CursorKey = (string | number)[];

export class CursorError extends Error {}

export function encodeCursor(list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ l: list, k: key }), "utf8").toString("base64url");
}

/** The key inside a cursor made for `list`; throws CursorError for anything else. */
export function decodeCursor(list: string, cursor: string, shape: ("string" | "number")[]): CursorKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new CursorError("The cursor is not one this API issued.");
  }
  const v = value as { l?: unknown; k?: unknown };
  if (typeof value !== "object" || value === null || v.l !== list || !Array.isArray(v.k) || v.k.length !== shape.length)
    throw new CursorError("The cursor is not one this API issued for this list.");
  const key = v.k as unknown[];
  shape.forEach((type, i) => {
    const ok = type === "number" ? Number.isSafeInteger(key[i]) : typeof key[i] === "string" && (key[i] as string).length <= 500;
    if (!ok) throw new CursorError("The cursor is not one this API issued for this list.");
  });
  return key as CursorKey;
}
