// GET /curate/imports/{id}/report?format=csv|json — the import's per-record report (the dry run,
// or the real run once committed) as a download. Only the user who ran it, or an administrator.
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { guardedRoute } from "@/lib/auth/guard";
import { attachmentDisposition } from "@/lib/export/respond";
import { buildReport, reportToCsv, reportToJson } from "@/lib/import";
import { getStoredImport } from "@/lib/import/service";

type Context = RouteContext<"/[lang]/curate/imports/[id]/report">;

export const GET = guardedRoute<Context>(
  (user) => user.role !== "RESEARCHER",
  async (request, context, user) => {
    await connection();
    const { id } = await context.params;
    const format = new URL(request.url).searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "json") return problem(400, "Bad Request", 'The format is "csv" or "json".');
    const stored = await getStoredImport(user, id);
    if (!stored) return problem(404, "Not Found", "There is no such import.");
    const report = stored.result ?? buildReport(stored.plan);
    const name = `import-${id}-${report.mode}.${format}`;
    return new Response(format === "csv" ? reportToCsv(report) : reportToJson(report), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": attachmentDisposition(name),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
