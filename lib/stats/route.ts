// Connects GET /api/v1/statistics to the application's database: the answer of lib/stats/api.ts
// as JSON, CSV or a problem document.
import "server-only";
import { problem } from "../api/problem";
import { getSql } from "../db";
import { answerStatistics } from "./api";

export async function serveStatistics(request: Request): Promise<Response> {
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
