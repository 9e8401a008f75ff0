// The top shared by an item's workspace pages (editor, history, preview): the user and the item
// they may see (404, 403 otherwise), the workspace navigation, then title, handle, status and the
// links between the pages (files are managed on their own page).
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageUser, type GuardUser } from "@/lib/auth/guard";
import type { ItemTarget } from "@/lib/auth/permissions";
import { getEditableItem, getItemTarget } from "@/lib/curate/items/service";
import type { Lang } from "@/lib/i18n/config";
import { editMessages } from "@/lib/i18n/messages-edit";
import { WorkspaceNav } from "./workspace";

type ItemPage = "edit" | "history" | "preview";

/** The signed-in user and item `id` for one of its pages, when `may` lets the user see it; with the page's top. */
export async function loadItemPage(lang: Lang, id: number, current: ItemPage, may: (user: GuardUser, target: ItemTarget) => boolean) {
  const { user } = await requirePageUser(lang, `/${lang}/curate/items/${id}${current === "edit" ? "" : `/${current}`}`);
  const [item, target] = await Promise.all([getEditableItem(id), getItemTarget(id)]);
  if (!item || !target) notFound();
  if (!may(user, target)) forbidden();
  const top = (
    <>
      <WorkspaceNav lang={lang} user={user} current="dashboard" />
      <ItemHeader lang={lang} item={item} current={current} />
    </>
  );
  return { user, item, target, top };
}

export function ItemHeader({
  lang,
  item,
  current,
}: {
  lang: Lang;
  item: { id: number; title: string; handle: string; status: string; version: number };
  current: ItemPage;
}) {
  const t = editMessages[lang];
  const base = `/${lang}/curate/items/${item.id}`;
  const links = [
    { key: "edit", href: base, label: t.links.edit },
    { key: "history", href: `${base}/history`, label: t.links.history },
    { key: "preview", href: `${base}/preview`, label: t.links.preview },
    { key: "files", href: `${base}/files`, label: t.links.files },
    ...(item.status === "PUBLISHED" || item.status === "WITHDRAWN" ? [{ key: "public", href: `/${lang}/handle/${item.handle}`, label: t.links.publicPage }] : []),
  ];
  return (
    <header className="mb-6">
      <p className="text-sm text-muted">
        <span className={`mr-2 rounded-full px-2 py-0.5 text-xs font-medium ${item.status === "PUBLISHED" ? "bg-accent-soft text-ink" : "bg-sunken text-ink"}`} data-testid="item-status">
          {t.statuses[item.status]}
        </span>
        {t.handle} <span dir="ltr" data-testid="item-handle">{item.handle}</span> · {t.version.replace("{version}", String(item.version))}
      </p>
      <h1 className="mt-2 line-clamp-3 break-words text-2xl font-semibold tracking-tight">{item.title}</h1>
      <nav aria-label={t.editTitle} className="mt-3">
        <ul className="flex flex-wrap gap-1">
          {links.map((l) => (
            <li key={l.key}>
              <Link
                href={l.href}
                prefetch={false}
                aria-current={l.key === current ? "page" : undefined}
                className={`inline-block rounded-lg px-3 py-1.5 text-sm font-medium no-underline ${l.key === current ? "bg-accent-soft text-ink" : "text-ink hover:text-accent"}`}
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
