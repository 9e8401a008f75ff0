// For imports run inside the server (the curator workspace): after a commit, the cached pages that
// show the new or changed items are rebuilt on their next visit. The command line does not call
// this — it runs in another process, and `npm start` empties the page cache on each start.
import "server-only";
import { cacheTags, invalidate } from "../cache";
import type { CommitResult } from "./commit";
import type { ImportPlan } from "./plan";

export function invalidateAfterImport(plan: ImportPlan, result: CommitResult) {
  if (result.created === 0 && result.updated === 0) return;
  const tags = new Set<string>([cacheTags.site, cacheTags.units]);
  for (const entry of plan.entries) {
    const handle = result.handles.get(entry.position);
    if (!handle || result.failures.has(entry.position)) continue;
    tags.add(cacheTags.item(handle));
    for (const c of entry.contributors) if (c.researcher) tags.add(cacheTags.researcher(c.researcher.slug));
  }
  invalidate(...tags);
}
