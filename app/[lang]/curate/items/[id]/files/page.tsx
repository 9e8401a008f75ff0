// /curate/items/{id}/files — a curator's view of an item's files: list, upload (drag and drop or
// the file picker, with progress), replace, describe, set access, reorder, delete.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { FileManager } from "@/components/curate/file-manager";
import { WORKSPACE, WorkspaceNav, WorkspaceSkeleton } from "@/components/curate/workspace";
import { requirePageUser } from "@/lib/auth/guard";
import { canManageFiles } from "@/lib/auth/permissions";
import { formatBytes } from "@/lib/curate/files/format";
import { getFilesScreen } from "@/lib/curate/files/route-deps";
import { parseId } from "@/lib/curate/files/upload";
import { isLang, type Lang } from "@/lib/i18n/config";
import { filesMessages } from "@/lib/i18n/messages-files";
import { deleteFileAction, moveFileAction, updateFileAction } from "./actions";

type Props = PageProps<"/[lang]/curate/items/[id]/files">;

// One placeholder id lets the build prerender the page's shell; real ids render on request.
export function generateStaticParams() {
  return [{ id: "0" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang } = await params;
  return { title: filesMessages[isLang(lang) ? lang : "en"].title, robots: { index: false } };
}

async function Files({ lang, params }: { lang: Lang; params: Props["params"] }) {
  const t = filesMessages[lang];
  await connection();
  const { id } = await params;
  const screen = await getFilesScreen(parseId(id));
  const { user, forbidden: refused } = await requirePageUser(lang, `/${lang}/curate/items/${id}/files`, (u) => (screen ? canManageFiles(u, screen.item) : true));
  if (refused) forbidden();
  const nav = <WorkspaceNav lang={lang} user={user} current="dashboard" />;
  if (!screen) {
    return (
      <>
        {nav}
        <h1 className="text-2xl font-semibold tracking-tight">{t.notFound}</h1>
      </>
    );
  }
  const { item, files, maxBytes } = screen;
  return (
    <>
      {nav}
      <p className="text-sm">
        <Link href={`/${lang}/curate/items/${item.id}`} prefetch={false}>
          ← {t.back}
        </Link>
        <span className="text-muted"> · </span>
        <Link href={`/handle/${item.handle}`} prefetch={false}>
          {t.publicPage}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words">{t.titleOf.replace("{title}", item.title)}</h1>
      <p className="mt-2 max-w-prose text-sm text-muted">
        {t.intro} {t.limit.replace("{size}", formatBytes(maxBytes))}
      </p>
      <FileManager
        lang={lang}
        itemId={item.id}
        maxBytes={maxBytes}
        files={files.map((f) => ({ ...f, updatedAt: f.updatedAt.toISOString() }))}
        actions={{ update: updateFileAction, move: moveFileAction, remove: deleteFileAction }}
      />
    </>
  );
}

export default async function FilesPage({ params }: Props) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <div className={WORKSPACE}>
      <Suspense fallback={<WorkspaceSkeleton />}>
        <Files lang={lang} params={params} />
      </Suspense>
    </div>
  );
}
