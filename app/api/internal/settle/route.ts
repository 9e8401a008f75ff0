// POST /api/internal/settle — the server's late invalidation of a write's cache tags (lib/cache.ts,
// lib/http/settle.ts). Anyone without this process's secret gets the API's 404.
import { z } from "zod";
import { problem } from "@/lib/api/problem";
import { expireTags } from "@/lib/cache";
import { isSettleSecret, SETTLE_HEADER } from "@/lib/http/settle";

const ZTags = z.array(z.string().min(1).max(300)).min(1).max(1000);

export async function POST(request: Request) {
  if (!isSettleSecret(request.headers.get(SETTLE_HEADER))) return problem(404, "Not Found", "There is nothing at this address.");
  const tags = ZTags.safeParse(await request.json().catch(() => null));
  if (!tags.success) return problem(400, "Bad Request", "Send the tags as a JSON array of strings.");
  expireTags(tags.data);
  return new Response(null, { status: 204 });
}
