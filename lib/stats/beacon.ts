// The view beacon: what a page sends (navigator.sendBeacon, or the <noscript> pixel), checked and
// turned into a usage event. Pages are served from Next's cache, so views cannot be counted while
// rendering; the browser reports them instead.
import "server-only";
import { z } from "zod";
import { getSql } from "../db";
import { recordUsage, type RecordOutcome, type UsageTarget } from "./record";

export const ZBeacon = z.object({
  /** What was viewed. */
  type: z.enum(["item", "researcher", "unit"]),
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  /** document.referrer of the page (only its host is kept). */
  ref: z.string().max(2048).optional(),
});
export type TBeacon = z.infer<typeof ZBeacon>;

const TABLES = { item: "item WHERE id = $1 AND status = 'PUBLISHED'", researcher: "researcher WHERE id = $1", unit: "unit WHERE id = $1" } as const;
const KNOWN_TTL_MS = 5 * 60_000;
const known = new Map<string, number>();

/** Whether the viewed record exists and is public; remembered for a few minutes per process. */
async function targetExists(type: TBeacon["type"], id: number): Promise<boolean> {
  const key = `${type}:${id}`;
  const until = known.get(key);
  if (until && until > Date.now()) return true;
  const sql = await getSql();
  const rows = await sql.query(`SELECT 1 FROM ${TABLES[type]}`, [id]);
  if (!rows.length) return false;
  if (known.size > 100_000) known.clear();
  known.set(key, Date.now() + KNOWN_TTL_MS);
  return true;
}

/** "unknown" when the target does not exist (nothing is stored). */
export async function recordBeacon(request: Request, beacon: TBeacon): Promise<RecordOutcome | "unknown"> {
  if (!(await targetExists(beacon.type, beacon.id))) return "unknown";
  const target: UsageTarget =
    beacon.type === "item"
      ? { kind: "ITEM_VIEW", itemId: beacon.id }
      : beacon.type === "researcher"
        ? { kind: "RESEARCHER_VIEW", researcherId: beacon.id }
        : { kind: "UNIT_VIEW", unitId: beacon.id };
  return recordUsage(request, target, beacon.ref);
}
