// The full item record (canonical URL: /handle/{prefix}/{n}?mode=full, rewritten here by proxy.ts
// so that the page stays cacheable).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { siteUrl } from "@/lib/env";
import { localized } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { loadItemRoute } from "@/lib/items/get-item-page";
import { qualifiedFields } from "@/lib/items/qualified-dc";

export function generateStaticParams() {
  return [{ prefix: "0", n: "0" }];
}

type Props = PageProps<"/[lang]/handle/[prefix]/[n]/full">;

/** The full record is for published items only; a tombstone has no full record. */
async function load(params: Props["params"]) {
  const route = await loadItemRoute(params);
  return { ...route, item: route.item?.status === "PUBLISHED" ? route.item : null };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, handle, item } = await load(params);
  if (!item) return { title: messages(lang).notFound.title, robots: { index: false } };
  return {
    title: `${messages(lang).item.fullRecord}: ${localized(lang, item.title, item.alternativeTitle, item.alternativeTitleLang)}`,
    alternates: { canonical: `/handle/${handle}` },
    robots: { index: false, follow: true },
  };
}

export default async function FullRecordPage({ params }: Props) {
  const { lang, handle, item } = await load(params);
  if (!item) notFound();
  const t = messages(lang);
  const fields = qualifiedFields(item, siteUrl());
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <p className="text-sm">
        <Link href={`/handle/${handle}`}>← {t.item.simpleRecord}</Link>
      </p>
      <h1 className="mt-3 text-2xl font-semibold leading-tight tracking-tight text-balance sm:text-3xl" lang={item.language ?? undefined}>
        {item.title}
      </h1>
      <p className="mt-1 text-muted">{t.item.fullRecord}</p>
      <div className="mt-6 overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t.item.fullRecord}</caption>
          <thead className="border-b border-line bg-sunken text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
                {t.item.dcField}
              </th>
              <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
                {t.item.dcValue}
              </th>
              <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
                {t.item.dcLanguage}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {fields.map((f, i) => (
              <tr key={i} className="align-top">
                <th scope="row" className="whitespace-nowrap px-4 py-2.5 font-mono text-xs font-normal text-muted">
                  {f.element}
                </th>
                <td className="max-w-3xl px-4 py-2.5 whitespace-pre-line" lang={f.lang}>
                  {f.href ? (
                    <a href={f.href} className="break-all">
                      {f.value}
                    </a>
                  ) : (
                    f.value
                  )}
                </td>
                <td className="px-4 py-2.5 text-muted">{f.lang ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
