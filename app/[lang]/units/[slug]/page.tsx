import { UsageBeacon } from "@/components/stats/usage-beacon";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ItemSummaryList } from "@/components/item/item-summary-list";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import { getUnitPage } from "@/lib/units/pages";
import { getUnitTree, unitPath } from "@/lib/units/tree";

export function generateStaticParams() {
  return [{ slug: "_" }];
}

type Props = PageProps<"/[lang]/units/[slug]">;

async function load(params: Props["params"]) {
  const { lang, slug } = await params;
  if (!isLang(lang)) notFound();
  return { lang: lang as Lang, slug, data: await getUnitPage(slug) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug, data } = await load(params);
  if (!data) return { title: messages(lang).notFound.title, robots: { index: false } };
  return {
    title: localized(lang, data.unit.name, data.unit.altName, data.unit.altLang),
    alternates: { canonical: `/units/${slug}`, languages: { en: `/en/units/${slug}`, ko: `/ko/units/${slug}` } },
  };
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-surface p-5">
      <h2 id={id} className="mb-3 text-lg font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function UnitPage({ params }: Props) {
  const { lang, data } = await load(params);
  if (!data) notFound();
  const t = messages(lang);
  const tree = await getUnitTree();
  const { unit } = data;
  const name = localized(lang, unit.name, unit.altName, unit.altLang);
  const otherName = name === unit.name ? unit.altName : unit.name;
  const parents = unitPath(tree, unit.id).slice(0, -1);
  const number = (n: number) => n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
  const description = lang === "ko" && data.description.altDescription ? data.description.altDescription : (data.description.description ?? data.description.altDescription);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <UsageBeacon type="unit" id={unit.id} />
      {parents.length ? (
        <nav aria-label={t.units.partOf}>
          <ol className="text-sm">
            {parents.map((p) => (
              <li key={p.id} className="inline">
                <Link href={`/units/${p.slug}`} prefetch={false}>
                  {localized(lang, p.name, p.altName, p.altLang)}
                </Link>
                <span aria-hidden="true" className="text-muted">
                  {" "}
                  ›{" "}
                </span>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance">{name}</h1>
      {otherName ? (
        <p className="mt-1 text-lg text-muted" lang={otherName === unit.altName ? (unit.altLang ?? undefined) : "en"}>
          {otherName}
        </p>
      ) : null}
      {description ? <p className="mt-4 max-w-prose leading-7">{description}</p> : null}

      <dl className="mt-6 grid max-w-xl grid-cols-3 gap-px overflow-hidden rounded-xl border border-line bg-line">
        {(
          [
            [t.units.publications, unit.itemCount],
            [t.units.views, data.usage.views],
            [t.units.downloads, data.usage.downloads],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="bg-surface px-4 py-3">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{number(value)}</dd>
          </div>
        ))}
      </dl>

      <div className="mt-8 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Section title={t.units.recent} id="recent">
          {data.recent.length ? <ItemSummaryList items={data.recent} lang={lang} /> : <p className="text-muted">{t.home.noItems}</p>}
        </Section>
        <div className="space-y-6">
          {unit.children.length ? (
            <Section title={t.units.subUnits} id="sub-units">
              <ul className="space-y-1.5">
                {unit.children.map((c) => (
                  <li key={c.id} className="flex items-baseline justify-between gap-3">
                    <Link href={`/units/${c.slug}`} prefetch={false} className="min-w-0">
                      {localized(lang, c.name, c.altName, c.altLang)}
                    </Link>
                    <span className="shrink-0 text-sm tabular-nums text-muted">{number(c.itemCount)}</span>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {unit.collections.length ? (
            <Section title={t.units.collections} id="collections">
              <ul className="space-y-1.5">
                {unit.collections.map((c) => (
                  <li key={c.id} className="flex items-baseline justify-between gap-3">
                    <Link href={`/collections/${c.slug}`} prefetch={false} className="min-w-0">
                      {localized(lang, c.name, c.altName, c.altLang)}
                    </Link>
                    <span className="shrink-0 text-sm tabular-nums text-muted">{number(c.itemCount)}</span>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {data.researchers.length ? (
            <Section title={t.units.researchers} id="researchers">
              <ul className="space-y-2">
                {data.researchers.map((r) => (
                  <li key={r.slug} className="flex items-center gap-3 text-sm">
                    {r.hasPhoto ? (
                      // eslint-disable-next-line @next/next/no-img-element
                      <img src={`/media/researchers/${r.slug}/photo`} alt="" width={32} height={32} loading="lazy" className="h-8 w-8 shrink-0 rounded-full" />
                    ) : (
                      <span className="h-8 w-8 shrink-0 rounded-full bg-sunken" />
                    )}
                    <span>
                      <Link href={`/researchers/${r.slug}`} prefetch={false}>
                        {r.displayName}
                      </Link>
                      {r.position ? <span className="text-muted"> · {localized(lang, r.position, r.altPosition, "ko")}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
