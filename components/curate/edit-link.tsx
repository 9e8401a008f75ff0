// "Edit" on a public page, shown only to a signed-in user who may edit the record (the server
// checks again on save). Reads the session, so pages render it inside <Suspense> with no
// fallback: the cached page stays the same for everyone and the link streams in for curators.
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/guard";
import { collectionEditLink, researcherEditLink, unitEditLink } from "@/lib/curate/records";
import type { Lang } from "@/lib/i18n/config";
import { recordMessages } from "@/lib/i18n/messages-records";

const FIND = { researcher: researcherEditLink, unit: unitEditLink, collection: collectionEditLink } as const;
const PATH = { researcher: "researchers", unit: "units", collection: "collections" } as const;

export async function EditLink({ lang, kind, slug }: { lang: Lang; kind: keyof typeof FIND; slug: string }) {
  const user = await getCurrentUser();
  if (!user || user.role === "RESEARCHER") return null;
  const id = await FIND[kind](user, slug);
  if (id === null) return null;
  return (
    <Link href={`/${lang}/curate/${PATH[kind]}/${id}`} prefetch={false} className="inline-flex items-center gap-1 rounded-lg border border-line px-3 py-1.5 text-sm font-medium no-underline hover:border-accent hover:text-accent" data-testid="edit-link">
      <span aria-hidden="true">✎</span> {recordMessages[lang].editLink[kind]}
    </Link>
  );
}
