// POST /api/v1/events – the view beacon ({"type":"item"|"researcher"|"unit","id":n}); 204 once
// the event is durable, 503 when it cannot be stored.
// GET /api/v1/events?type=…&id=… – the same as a 1×1 GIF, for pages read without JavaScript.
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { recordBeacon, ZBeacon } from "@/lib/stats/beacon";

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
const NO_STORE = { "Cache-Control": "no-store" };

async function handle(request: Request, input: unknown, success: () => Response): Promise<Response> {
  const parsed = ZBeacon.safeParse(input);
  if (!parsed.success) return problem(400, "Bad Request", "Expected type (item, researcher or unit) and a numeric id.", { headers: NO_STORE });
  try {
    const outcome = await recordBeacon(request, parsed.data);
    if (outcome === "unknown") return problem(404, "Not Found", `There is no public ${parsed.data.type} ${parsed.data.id}.`, { headers: NO_STORE });
    return success();
  } catch (error) {
    console.error(`[stats] event not stored: ${(error as Error).message}`);
    return problem(503, "Service Unavailable", "The event could not be stored; try again later.", { headers: { ...NO_STORE, "Retry-After": "10" } });
  }
}

export async function POST(request: Request): Promise<Response> {
  await connection();
  let body: unknown;
  try {
    // sendBeacon posts a string as text/plain; fetch may send JSON.
    body = JSON.parse(await request.text());
  } catch {
    return problem(400, "Bad Request", "The body must be JSON.", { headers: NO_STORE });
  }
  return handle(request, body, () => new Response(null, { status: 204, headers: NO_STORE }));
}

export async function GET(request: Request): Promise<Response> {
  await connection();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return handle(request, params, () => new Response(request.method === "HEAD" ? null : PIXEL, { headers: { ...NO_STORE, "Content-Type": "image/gif" } }));
}
