import { UsageBeacon } from "@/components/stats/usage-beacon";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { redirectIfMoved } from "@/lib/site/moved";
import { Suspense } from "react";
import { EditLink } from "@/components/curate/edit-link";
import { CoAuthorGraph } from "@/components/researcher/co-author-graph";
import { PublicationList } from "@/components/researcher/publication-list";
import { YearBars } from "@/components/researcher/year-bars";
import { CountedLinkList } from "@/components/ui/counted-link-list";
import { SectionCard } from "@/components/ui/section-card";
import { siteUrl } from "@/lib/env";
import { isLang, localized, type Lang } from "@/lib/i18n/config";
import { format, messages } from "@/lib/i18n/messages";
import { peopleMessages } from "@/lib/i18n/messages-people";
import { jsonForScript } from "@/lib/items/scholar-meta";
import { getResearcherPublications } from "@/lib/researchers/data";
import { getResearcherProfile } from "@/lib/researchers/profile";
import { parsePublicationSegments, PUBLICATION_SORTS, publicationListPath, type PublicationQuery } from "@/lib/researchers/publications";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";

// Profiles render on their first visit (the build has no database); one placeholder satisfies the build.
export function generateStaticParams() {
  return [{ slug: "_", list: [] }];
}

type Props = PageProps<"/[lang]/researchers/[slug]/[[...list]]">;

/** The profile, with its publication list in the state the path names (see lib/researchers/publications.ts). */
async function load(params: Props["params"]) {
  const { lang, slug, list } = await params;
  if (!isLang(lang)) notFound();
  const query = parsePublicationSegments(list ?? []);
  if (!query) notFound();
  return { lang, slug, query, researcher: await getResearcherProfile(slug) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug, query, researcher } = await load(params);
  if (!researcher) return { title: messages(lang).notFound.title, robots: { index: false } };
  const listPath = publicationListPath(`/researchers/${slug}`, query);
  const isDefault = listPath === `/researchers/${slug}`;
  const position = researcher.position ? localized(lang, researcher.position, researcher.altPosition, "ko") : undefined;
  return {
    title: researcher.displayName,
    description: [position, researcher.primaryUnit && localized(lang, researcher.primaryUnit.name, researcher.primaryUnit.altName, researcher.primaryUnit.altLang)]
      .filter(Boolean)
      .join(", "),
    alternates: { canonical: listPath, languages: { en: `/en${listPath}`, ko: `/ko${listPath}` } },
    openGraph: { type: "profile", title: researcher.displayName, url: `/researchers/${slug}` },
    // Filtered and later pages of the list are for following links to items, not for the index.
    ...(isDefault ? {} : { robots: { index: false, follow: true } }),
  };
}

/** The publication list in the state the path names. */
async function Publications({ lang, slug, researcherId, query }: { lang: Lang; slug: string; researcherId: number; query: PublicationQuery }) {
  const data = await getResearcherPublications(researcherId, slug, query, lang);
  return (
    <PublicationList
      lang={lang}
      data={data}
      query={query}
      listPath={(q) => publicationListPath(`/researchers/${slug}`, q)}
      formAction={`/researchers/${slug}/publications`}
      anchor="publications"
      sorts={PUBLICATION_SORTS}
      downloadPath={`/researchers/${slug}/publications`}
    />
  );
}

export default async function ResearcherPage({ params }: Props) {
  const { lang, slug, query, researcher: r } = await load(params);
  if (!r) {
    await redirectIfMoved("researcher", slug, (await params).list ?? []);
    notFound();
  }
  const t = messages(lang);
  const p = peopleMessages[lang];
  const locale = lang === "ko" ? "ko-KR" : "en-US";
  const number = (n: number) => n.toLocaleString(locale);
  const base = siteUrl();
  const units = [r.primaryUnit, ...r.units.map((u) => u.unit).filter((u) => u.id !== r.primaryUnit?.id)].filter((u) => u !== null);
  const links = Array.isArray(r.links) ? (r.links as { label?: unknown; url?: unknown }[]).filter((l) => typeof l.url === "string" && /^https?:\/\//.test(l.url as string)) : [];
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: `${base}/researchers/${slug}`,
    mainEntity: {
      "@type": "Person",
      name: r.displayName,
      ...(r.givenName ? { givenName: r.givenName } : {}),
      ...(r.familyName ? { familyName: r.familyName } : {}),
      alternateName: r.nameVariants,
      jobTitle: r.position ?? undefined,
      ...(r.primaryUnit ? { affiliation: { "@type": "Organization", name: r.primaryUnit.name, url: `${base}/units/${r.primaryUnit.slug}` } } : {}),
      ...(r.orcid ? { identifier: `https://orcid.org/${r.orcid}`, sameAs: [`https://orcid.org/${r.orcid}`] } : {}),
      ...(r.photoKey ? { image: `${base}/media/researchers/${slug}/photo` } : {}),
    },
  };
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
      <UsageBeacon type="researcher" id={r.id} />
      <header className="flex flex-wrap items-center gap-5">
        {r.photoKey ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={`/media/researchers/${slug}/photo?v=${r.photoKey.slice(3, 15)}`} alt="" width={96} height={96} className="h-24 w-24 rounded-full border border-line" />
        ) : null}
        <div className="min-w-0">
          <h1 className="text-3xl font-semibold tracking-tight">{r.displayName}</h1>
          {r.nameVariants.length ? (
            <p className="mt-1 text-muted">
              <span className="sr-only">{t.researcher.nameVariants}: </span>
              {r.nameVariants.join(" · ")}
            </p>
          ) : null}
          {r.position ? <p className="mt-1">{localized(lang, r.position, r.altPosition, "ko")}</p> : null}
          {units.length ? (
            <ul className="mt-1 flex flex-wrap gap-x-3 text-sm">
              {units.map((u) => (
                <li key={u.id}>
                  <Link href={`/units/${u.slug}`} prefetch={false}>
                    {localized(lang, u.name, u.altName, u.altLang)}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="ms-auto">
          <Suspense fallback={null}>
            <EditLink lang={lang} kind="researcher" slug={slug} />
          </Suspense>
        </div>
      </header>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          {r.biography || r.altBiography ? (
            <section aria-labelledby="bio">
              <h2 id="bio" className="mb-2 text-lg font-semibold tracking-tight">
                {t.researcher.biography}
              </h2>
              <p className="max-w-prose leading-7 whitespace-pre-line" lang={lang === "ko" && r.altBiography ? "ko" : "en"}>
                {lang === "ko" && r.altBiography ? r.altBiography : (r.biography ?? r.altBiography)}
              </p>
            </section>
          ) : null}
          {r.researchInterests.length ? (
            <section aria-labelledby="interests">
              <h2 id="interests" className="mb-2 text-lg font-semibold tracking-tight">
                {t.researcher.interests}
              </h2>
              <ul className="flex flex-wrap gap-1.5">
                {r.researchInterests.map((i) => (
                  <li key={i} className="rounded-full bg-sunken px-2.5 py-0.5 text-sm">
                    {i}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <SectionCard
            title={p.publications}
            id="publications"
            size="lg"
            action={format(r.publicationCount === 1 ? p.countOne : p.count, { n: number(r.publicationCount) })}
            className="scroll-mt-4"
          >
            <Publications lang={lang} slug={slug} researcherId={r.id} query={query} />
          </SectionCard>
          {r.coAuthors.length ? (
            <SectionCard title={p.network} id="co-authors" size="lg">
              <div className="grid gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] md:items-center">
                <figure className="min-w-0">
                  <CoAuthorGraph network={{ coAuthors: r.coAuthors, links: r.coAuthorLinks }} ego={{ slug, name: r.displayName }} t={p} locale={locale} />
                  <figcaption className="mt-2 text-xs text-muted">{format(p.networkNote, { name: r.displayName })}</figcaption>
                </figure>
                <div className="min-w-0">
                  <h3 className="mb-2 text-sm font-semibold">{p.coAuthorList}</h3>
                  <CountedLinkList
                    className="text-sm"
                    items={r.coAuthors.map((c) => ({ href: `/researchers/${c.slug}`, label: c.displayName, count: format(c.count === 1 ? p.jointOne : p.joint, { n: number(c.count) }) }))}
                  />
                </div>
              </div>
            </SectionCard>
          ) : null}
        </div>

        <aside className="space-y-5">
          <SectionCard title={t.researcher.figures} id="figures">
            <dl className="grid grid-cols-2 gap-3">
              {(
                [
                  [t.researcher.publications, r.publicationCount],
                  [t.researcher.citations, r.totals.citations],
                  [t.researcher.views, r.totals.views],
                  [t.researcher.downloads, r.totals.downloads],
                  [t.researcher.hIndex, r.totals.hIndex],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-muted">{label}</dt>
                  <dd className="text-2xl font-semibold tabular-nums">{number(value)}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-muted">{t.researcher.hIndexNote}</p>
            <p className="mt-2 text-sm">
              <Link href={`/researchers/${r.slug}/statistics`} prefetch={false}>
                {dashboardMessages[lang].more}
              </Link>
            </p>
          </SectionCard>
          {r.perYear.length ? (
            <SectionCard title={t.researcher.perYear} id="per-year">
              <YearBars data={r.perYear} caption={t.researcher.perYear} locale={locale} />
            </SectionCard>
          ) : null}
          {r.orcid || r.scopusId || r.researcherIdWos ? (
            <SectionCard title={t.researcher.identifiers} id="identifiers">
              <dl className="space-y-1.5 text-sm">
                {r.orcid ? (
                  <div>
                    <dt className="inline text-muted">ORCID </dt>
                    <dd className="inline">
                      <a href={`https://orcid.org/${r.orcid}`}>{r.orcid}</a>
                    </dd>
                  </div>
                ) : null}
                {r.scopusId ? (
                  <div>
                    <dt className="inline text-muted">Scopus </dt>
                    <dd className="inline">
                      <a href={`https://www.scopus.com/authid/detail.uri?authorId=${encodeURIComponent(r.scopusId)}`}>{r.scopusId}</a>
                    </dd>
                  </div>
                ) : null}
                {r.researcherIdWos ? (
                  <div>
                    <dt className="inline text-muted">ResearcherID </dt>
                    <dd className="inline">{r.researcherIdWos}</dd>
                  </div>
                ) : null}
              </dl>
            </SectionCard>
          ) : null}
          {(r.showEmail && r.email) || links.length ? (
            <SectionCard title={t.researcher.contact} id="contact">
              <ul className="space-y-1 text-sm">
                {r.showEmail && r.email ? (
                  <li>
                    <a href={`mailto:${r.email}`}>{r.email}</a>
                  </li>
                ) : null}
                {links.map((l) => (
                  <li key={String(l.url)}>
                    <a href={String(l.url)}>{typeof l.label === "string" && l.label ? l.label : String(l.url)}</a>
                  </li>
                ))}
              </ul>
            </SectionCard>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
