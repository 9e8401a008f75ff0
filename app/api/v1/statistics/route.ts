// GET /api/v1/statistics – usage figures of a scope (DESIGN.md §4), JSON or ?format=csv.
import { connection } from "next/server";
import { serveStatistics } from "@/lib/stats/route";

export async function GET(request: Request): Promise<Response> {
  await connection();
  return serveStatistics(request);
}
