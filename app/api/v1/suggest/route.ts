// GET /api/v1/suggest?q=…&lang=en|ko – researchers, units and items whose names or titles start
// with what was typed, for the header search box (JSON; errors as problem+json).
import { connection } from "next/server";
import { problem } from "@/lib/api/problem";
import { DEFAULT_LANG, isLang } from "@/lib/i18n/config";
import { getSuggestions } from "@/lib/search/get-suggestions";
import { SuggestQueryError, validateSuggestQuery } from "@/lib/search/suggest";

export async function GET(request: Request) {
  await connection();
  const params = new URL(request.url).searchParams;
  const lang = params.get("lang") ?? DEFAULT_LANG;
  if (!isLang(lang)) return problem(400, "Bad Request", "The lang parameter must be en or ko.");
  let q: string;
  try {
    q = validateSuggestQuery(params.get("q"));
  } catch (err) {
    if (err instanceof SuggestQueryError) return problem(400, "Bad Request", err.message);
    throw err;
  }
  const suggestions = await getSuggestions(q, lang);
  return Response.json(suggestions, {
    // Shared caches may keep an answer briefly: suggestions follow content changes within minutes.
    headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300", Vary: "Accept-Encoding" },
  });
}
