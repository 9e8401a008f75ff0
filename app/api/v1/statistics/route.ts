// GET /api/v1/statistics – usage figures of a scope (DESIGN.md §4), JSON or ?format=csv.
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { getSql } from "@/lib/db";
import { answerStatistics } from "@/lib/stats/api";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const headers = { "Cache-Control": "no-store" };
  let answer;
  try {
    answer = await answerStatistics(await getSql(), new URL(request.url).searchParams);
  } catch (error) {
    console.error(`[stats] statistics failed: ${(error as Error).message}`);
    return problem(503, "Service Unavailable", "Usage statistics cannot be read right now.", { headers });
  }
  if (answer.kind === "error") return problem(answer.status, answer.title, answer.detail, { headers });
  if (answer.kind === "csv") {
    return new Response(answer.body, {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${answer.fileName}"` },
    });
  }
  return Response.json(answer.body, { headers });
}
