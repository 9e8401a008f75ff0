// The site's usage recorder: one group-commit ingester per server process, fed by the beacon
// route and the download route. Decides from the request alone what may count (method, prefetch,
// robot, privacy signals) and who the visitor is, then waits until the event is durable.
import "server-only";
import { getSql } from "../db";
import { requestClientAddress } from "../http/client-address";
import { asksNotToTrack, isPrefetch, isRobotUserAgent } from "./counter-rules";
import { countryOf } from "./country";
import { UsageIngester, type UsageEventInput, type UsageKind } from "./ingest";
import { dailySalt, visitorHash } from "./visitor";
import { scheduleRollup } from "./worker";

const holder = globalThis as unknown as { __atriumIngester?: Promise<UsageIngester> };

function getIngester(): Promise<UsageIngester> {
  holder.__atriumIngester ??= (async () => {
    const sql = await getSql();
    // Leftovers of a previous run (a crash between commit and rollup) are rolled up now.
    scheduleRollup(getSql, 0);
    return new UsageIngester(sql, { onCommit: () => scheduleRollup(getSql) });
  })().catch((error) => {
    holder.__atriumIngester = undefined;
    throw error;
  });
  return holder.__atriumIngester;
}

export type UsageTarget =
  | { kind: "ITEM_VIEW"; itemId: number }
  | { kind: "FILE_DOWNLOAD"; itemId: number; fileId: number }
  | { kind: "RESEARCHER_VIEW"; researcherId: number }
  | { kind: "UNIT_VIEW"; unitId: number };

export type RecordOutcome = "recorded" | "robot" | "ignored";

function referrerHostOf(referrer: string | null | undefined, self: string | null): string | null {
  if (!referrer) return null;
  try {
    const host = new URL(referrer).hostname.toLowerCase();
    return host && host !== self ? host.slice(0, 255) : null;
  } catch {
    return null;
  }
}

/**
 * Records one usage event for a request; resolves once it is durable. "ignored" for HEAD and
 * prefetches (nothing stored); robots are stored as robot hits. Rejects when the database cannot
 * store it — the caller must not answer with success then.
 */
export async function recordUsage(request: Request, target: UsageTarget, referrer?: string | null): Promise<RecordOutcome> {
  const method = request.method.toUpperCase();
  if (method === "HEAD" || method === "OPTIONS" || isPrefetch(request.headers)) return "ignored";
  const userAgent = request.headers.get("user-agent") ?? "";
  const robot = isRobotUserAgent(userAgent);
  const address = requestClientAddress(request.headers);
  const country = countryOf(address);
  // Do Not Track / Global Privacy Control: the event still counts (the figures are aggregates),
  // but no visitor hash is kept, so it cannot be linked to any other event.
  let visitor: string | null = null;
  if (!asksNotToTrack(request.headers) && address) visitor = visitorHash(await dailySalt(await getSql()), address, userAgent);
  const event: UsageEventInput = {
    ...target,
    kind: target.kind as UsageKind,
    visitorHash: visitor,
    country,
    isRobot: robot,
    referrerHost: referrerHostOf(referrer, new URL(request.url).hostname.toLowerCase()),
  };
  await (await getIngester()).record(event);
  return robot ? "robot" : "recorded";
}
