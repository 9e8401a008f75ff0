import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UnitTreeView } from "@/components/units/unit-tree";
import { isLang, type Lang } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { getUnitTree } from "@/lib/units/tree";

export async function generateMetadata({ params }: PageProps<"/[lang]/units">): Promise<Metadata> {
  const { lang } = await params;
  return { title: messages(isLang(lang) ? lang : "en").nav.units };
}

async function Tree({ lang }: { lang: Lang }) {
  const tree = await getUnitTree();
  return <UnitTreeView roots={tree.roots} lang={lang} collections openDepth={2} />;
}

export default async function UnitsPage({ params }: PageProps<"/[lang]/units">) {
  const { lang: raw } = await params;
  if (!isLang(raw)) notFound(); // the build's placeholder language
  const lang: Lang = raw;
  const t = messages(lang);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t.nav.units}</h1>
      <p className="mt-2 text-muted">{t.units.intro}</p>
      <div className="mt-8 rounded-xl border border-line bg-surface p-5 sm:p-6">
        {/* Cached data only, so the tree is part of the page itself: readable without JavaScript. */}
        <Tree lang={lang} />
      </div>
    </div>
  );
}
