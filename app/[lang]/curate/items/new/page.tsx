// /curate/items/new — a new item, created as a draft in a collection the user may create in.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ItemEditor } from "@/components/curate/item-editor";
import { WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { getCollectionChoices } from "@/lib/curate/items/service";
import { isLang, type Lang } from "@/lib/i18n/config";
import { editMessages } from "@/lib/i18n/messages-edit";
import { createItemAction } from "../actions";

type Props = PageProps<"/[lang]/curate/items/new">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: editMessages[isLang(lang) ? lang : "en"].newTitle };
}

async function NewItem({ lang }: { lang: Lang }) {
  const t = editMessages[lang];
  const { user } = await requirePageUser(lang, `/${lang}/curate/items/new`);
  const collections = (await getCollectionChoices(user)).filter((c) => c.mayUse);
  return (
    <>
      <WorkspaceNav lang={lang} user={user} current="new" />
      <h1 className="text-2xl font-semibold tracking-tight">{t.newTitle}</h1>
      <p className="mb-6 mt-1 text-sm text-muted">{collections.length ? t.chooseCollection : t.noCollections}</p>
      {collections.length ? (
        <ItemEditor
          lang={lang}
          text={t}
          initial={{ type: "JOURNAL_ARTICLE", collectionId: collections.length === 1 ? collections[0].id : undefined }}
          researcherNames={{}}
          collections={collections}
          createAction={createItemAction}
        />
      ) : null}
    </>
  );
}

export default async function NewItemPage({ params }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <NewItem lang={lang} />
      </Suspense>
    </div>
  );
}
