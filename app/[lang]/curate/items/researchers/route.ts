// GET /{lang}/curate/items/researchers?q= – researchers matching a name, for the contributor
// typeahead of the item editor. Signed-in curators and administrators only; never cached.
import { getCurrentUser } from "@/lib/auth/guard";
import { canViewCuratorDashboard } from "@/lib/auth/permissions";
import { problem } from "@/lib/api/problem";
import { getResearcherSuggestions } from "@/lib/curate/items/service";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Unauthorized", "Sign in to do this.");
  if (!canViewCuratorDashboard(user)) return problem(403, "Forbidden", "Your account has no right to do this.");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const researchers = await getResearcherSuggestions(q);
  return Response.json({ researchers }, { headers: { "Cache-Control": "private, no-store" } });
}
