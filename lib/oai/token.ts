// Resumption tokens: self-contained and stateless, so any server process can continue a harvest.
// A token carries the list's arguments, the snapshot instant the list was taken at, the keyset
// position (datestamp, id) of the last record sent, the cursor and the complete list size. Pages
// after the first therefore never re-count, never use OFFSET, and never see records changed after
// the snapshot (those come with the harvester's next incremental harvest, from its responseDate).
import crypto from "node:crypto";
import { z } from "zod";

/** How long a token stays valid after it is issued. */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

const ZTokenState = z.object({
  /** "r" ListRecords, "i" ListIdentifiers: a token continues the list it came from. */
  verb: z.enum(["r", "i"]),
  prefix: z.string().min(1),
  set: z.string().min(1).optional(),
  /** Inclusive lower bound, epoch ms. */
  from: z.number().int().optional(),
  /** Exclusive upper bound, epoch ms (until + its granularity). */
  until: z.number().int().optional(),
  /** The snapshot: records changed after this instant are not part of the list. */
  snapshot: z.number().int(),
  /** Keyset position of the last record sent: its datestamp (epoch ms) and id. */
  afterTime: z.number().int(),
  afterId: z.number().int(),
  cursor: z.number().int().min(0),
  size: z.number().int().min(0),
  expires: z.number().int(),
});

export type TokenState = z.infer<typeof ZTokenState>;

const KEYS = ["verb", "prefix", "set", "from", "until", "snapshot", "afterTime", "afterId", "cursor", "size", "expires"] as const;

function checksum(body: string): string {
  return crypto.createHash("sha256").update(`atrium-oai-v1:${body}`).digest("base64url").slice(0, 12);
}

export function encodeToken(state: TokenState): string {
  // A positional array keeps tokens short; the checksum catches tokens mangled in transit.
  const body = Buffer.from(JSON.stringify(KEYS.map((k) => state[k] ?? null))).toString("base64url");
  return `${body}.${checksum(body)}`;
}

export type DecodedToken = { ok: true; state: TokenState } | { ok: false; reason: "invalid" | "expired" };

export function decodeToken(token: string, now: Date): DecodedToken {
  const [body, sum, ...rest] = token.split(".");
  if (!body || !sum || rest.length || checksum(body) !== sum) return { ok: false, reason: "invalid" };
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!Array.isArray(values) || values.length !== KEYS.length) return { ok: false, reason: "invalid" };
  const parsed = ZTokenState.safeParse(Object.fromEntries(KEYS.map((k, i) => [k, values[i] ?? undefined])));
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (parsed.data.expires <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, state: parsed.data };
}
