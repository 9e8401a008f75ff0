// GET /api/health – liveness and database reachability (200 when ready to serve, 503 when not)
import { connection } from "next/server";
import { checkHealth } from "@/lib/health";

export async function GET() {
  await connection();
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
