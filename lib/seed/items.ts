// Demonstration items: every item type across fifteen years ending in the reference year, with the
// metadata each type carries (journals, ISSNs, ISBNs, DOIs, conferences, theses, reports, patents),
// ordered contributors linked to researchers, mapped collections, planned files and external
// citation metrics. Items are planned first (type, group, dates, status) so that handles follow
// deposit order, then each is filled in from its own random stream.
import { formatHandle, formatIsbn13, formatOrcid } from "./identifiers";
import type { ItemTypeName } from "./institute";
import { externalPerson } from "./names";
import { AliasTable, type Random } from "./random";
import type { ResearcherSeed } from "./researchers";
import type { CollectionRuntime, GroupRuntime } from "./structure";
import {
  articleTitle,
  bookTitles,
  cap,
  datasetTitle,
  drawTopic,
  englishAbstract,
  keywordsFor,
  koreanAbstract,
  koreanTitle,
  patentTitles,
  presentationTitle,
  reportTitles,
  type Topic,
} from "./text";
import { BOOK_PUBLISHERS, CC_BY, CC_BY_NC, CONFERENCES, FUNDERS, JOURNALS, UNIVERSITIES_FOR_THESES, type Journal } from "./venues";

export type ItemStatusName = "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "WITHDRAWN";
export type ContributorRoleName = "AUTHOR" | "EDITOR" | "ADVISOR" | "TRANSLATOR" | "INVENTOR" | "OTHER";
export type FileAccessName = "OPEN" | "EMBARGOED" | "RESTRICTED";

export type ItemSeed = {
  id: number;
  handle: string;
  uri: string | null;
  type: ItemTypeName;
  status: ItemStatusName;
  title: string;
  alternativeTitle: string | null;
  alternativeTitleLang: string | null;
  issueDate: string | null;
  issueYear: number | null;
  publisher: string | null;
  citation: string | null;
  journalTitle: string | null;
  bookTitle: string | null;
  conferenceName: string | null;
  conferencePlace: string | null;
  placeOfPublication: string | null;
  edition: string | null;
  volume: string | null;
  number: string | null;
  startPage: string | null;
  endPage: string | null;
  pageCount: number | null;
  issn: string | null;
  eissn: string | null;
  isbn: string | null;
  doi: string | null;
  degree: string | null;
  reportNumber: string | null;
  patentNumber: string | null;
  abstract: string | null;
  altAbstract: string | null;
  altAbstractLang: string | null;
  keywords: string[];
  subjects: string[];
  language: string | null;
  license: string | null;
  rights: string | null;
  funding: { funder: string; awardNumber?: string }[] | null;
  embargoUntil: string | null;
  withdrawnReason: string | null;
  withdrawnAt: Date | null;
  publishedAt: Date | null;
  collectionId: number;
  createdAt: Date;
  updatedAt: Date;
};

export type ContributorSeed = {
  itemId: number;
  position: number;
  name: string;
  role: ContributorRoleName;
  affiliation: string | null;
  orcid: string | null;
  researcherId: number | null;
};

export type PlannedFile = {
  kind: "pdf" | "csv" | "png";
  fileName: string;
  mimeType: string;
  description: string;
  access: FileAccessName;
  /** "YYYY-MM-DD" for embargoed files. */
  embargoUntil: string | null;
};

export type MetricSeed = { itemId: number; source: string; value: number; url: string | null; refreshedAt: Date };

export type GeneratedItem = {
  item: ItemSeed;
  contributors: ContributorSeed[];
  mappedCollectionIds: number[];
  files: PlannedFile[];
  metrics: MetricSeed[];
  /** For the PDF title page. */
  pdf: { title: string; abstract: string | null; citation: string | null };
  /** Words for CSV column names. */
  measures: [string, string];
};

export type ItemPlan = {
  id: number;
  handleNumber: number;
  type: ItemTypeName;
  group: GroupRuntime;
  collection: CollectionRuntime;
  year: number;
  month: number;
  day: number;
  precision: "year" | "month" | "day";
  status: ItemStatusName;
  publishedAt: number | null;
  createdAt: number;
  withdrawnAt: number | null;
  /** Researchers who must appear on this item, so that every researcher has items. */
  mustInclude: ResearcherSeed[];
  isSeed: boolean;
};

const DAY = 86_400_000;

const TYPE_WEIGHTS: [ItemTypeName, number][] = [
  ["JOURNAL_ARTICLE", 60],
  ["CONFERENCE_PAPER", 10],
  ["BOOK", 1.5],
  ["BOOK_CHAPTER", 3.5],
  ["THESIS", 4],
  ["REPORT", 6],
  ["DATASET", 5],
  ["PATENT", 4],
  ["PRESENTATION", 4.5],
  ["OTHER", 1.5],
];

export type PlanContext = {
  /** Generated items (the seed item comes on top). */
  count: number;
  groups: GroupRuntime[];
  researchers: ResearcherSeed[];
  today: Date;
  seedHandleNumber: number;
  seedCollection: CollectionRuntime;
  seedGroup: GroupRuntime;
  seedPublishedAt: number;
};

export function planItems(random: Random, ctx: PlanContext): ItemPlan[] {
  const now = ctx.today.getTime();
  const thisYear = ctx.today.getUTCFullYear();
  const yearFraction = (now - Date.UTC(thisYear, 0, 1)) / (365.25 * DAY);
  const years: [number, number][] = [];
  for (let k = 0; k < 15; k++) {
    const year = thisYear - 14 + k;
    years.push([year, (1 + 0.13 * k) * (year === thisYear ? Math.max(0.05, yearFraction) : 1)]);
  }
  const groupWeights = ctx.groups.map((g) => [g, g.spec.weight] as const);
  const allowedTypes = new Map(
    ctx.groups.map((g) => [g, TYPE_WEIGHTS.filter(([type]) => [...g.collections.values()].some((c) => c.kind.types.includes(type)))]),
  );

  const plans: Omit<ItemPlan, "id" | "handleNumber">[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const group = random.weighted(groupWeights);
    const type = random.weighted(allowedTypes.get(group)!);
    const collection = [...group.collections.values()].find((c) => c.kind.types.includes(type))!;
    const status = random.weighted<ItemStatusName>([
      ["PUBLISHED", 94],
      ["DRAFT", 2.5],
      ["IN_REVIEW", 2],
      ["WITHDRAWN", 1.5],
    ]);
    // Work in progress is recent; everything else spreads over the fifteen years.
    let year = status === "DRAFT" || status === "IN_REVIEW" ? random.weighted<number>([[thisYear, 3], [thisYear - 1, 1]]) : random.weighted(years);
    let date = Date.UTC(year, 0, 1) + Math.floor(random.next() * 365) * DAY;
    if (date > now - 2 * DAY) {
      date = now - random.int(2, 120) * DAY;
      year = new Date(date).getUTCFullYear();
    }
    const d = new Date(date);
    const precision = random.weighted<ItemPlan["precision"]>(
      type === "THESIS" || type === "BOOK" || type === "REPORT"
        ? [["year", 5], ["month", 4], ["day", 1]]
        : type === "PATENT" || type === "PRESENTATION"
          ? [["day", 1]]
          : [["year", 1.5], ["month", 5], ["day", 3.5]],
    );
    let publishedAt: number | null = null;
    let createdAt: number;
    let withdrawnAt: number | null = null;
    if (status === "DRAFT" || status === "IN_REVIEW") {
      createdAt = now - random.int(1, 60) * DAY - random.int(0, DAY - 1);
    } else {
      publishedAt = Math.min(date + random.int(5, 150) * DAY + random.int(0, DAY - 1), now - random.int(3_600_000, 3 * DAY));
      createdAt = publishedAt - random.int(0, 10) * DAY - random.int(0, DAY - 1);
      if (status === "WITHDRAWN") withdrawnAt = Math.min(publishedAt + random.int(30, 600) * DAY, now - random.int(1, 30) * DAY);
      if (withdrawnAt !== null && withdrawnAt <= publishedAt) withdrawnAt = publishedAt + Math.floor((now - publishedAt) / 2);
    }
    plans.push({
      type,
      group,
      collection,
      year,
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      precision,
      status,
      publishedAt,
      createdAt,
      withdrawnAt,
      mustInclude: [],
      isSeed: false,
    });
  }

  // Handles follow deposit order: 1, 2, … skipping the seed item's number.
  plans.sort((a, b) => (a.publishedAt ?? a.createdAt) - (b.publishedAt ?? b.createdAt) || a.createdAt - b.createdAt);
  const numbered: ItemPlan[] = [];
  let next = 1;
  for (const p of plans) {
    if (next === ctx.seedHandleNumber) next++;
    numbered.push({ ...p, id: 0, handleNumber: next++ });
  }
  numbered.push({
    id: 0,
    handleNumber: ctx.seedHandleNumber,
    type: "JOURNAL_ARTICLE",
    group: ctx.seedGroup,
    collection: ctx.seedCollection,
    year: 2023,
    month: 8,
    day: 1,
    precision: "month",
    status: "PUBLISHED",
    publishedAt: ctx.seedPublishedAt,
    createdAt: ctx.seedPublishedAt - 2 * DAY,
    withdrawnAt: null,
    mustInclude: [],
    isSeed: true,
  });
  numbered.sort((a, b) => a.handleNumber - b.handleNumber);
  numbered.forEach((p, i) => (p.id = i + 1));

  assignResearchers(random.fork("coverage"), numbered, ctx.researchers);
  return numbered;
}

/** Every researcher gets one or two published items of their own group to appear on. */
function assignResearchers(random: Random, plans: ItemPlan[], researchers: ResearcherSeed[]) {
  // Theses have one author; everything else can take another name.
  const published = plans.filter((p) => p.status === "PUBLISHED" && !p.isSeed && p.type !== "THESIS");
  const byGroup = new Map<number, ItemPlan[]>();
  for (const p of published) {
    const list = byGroup.get(p.group.id) ?? [];
    list.push(p);
    byGroup.set(p.group.id, list);
  }
  for (const r of researchers) {
    const own = byGroup.get(r.groups[0].id) ?? [];
    const candidates = own.length > 0 ? own : published;
    const wanted = r.weight >= 2 ? 2 : 1;
    for (let k = 0; k < wanted; k++) {
      let chosen: ItemPlan | undefined;
      for (let attempt = 0; attempt < 8 && !chosen; attempt++) {
        const c = random.pick(candidates);
        if (!c.mustInclude.includes(r) && c.mustInclude.length < 3) chosen = c;
      }
      // A small data set can run out of room in the group: take any item with a free slot.
      const hasRoom = (c: ItemPlan) => !c.mustInclude.includes(r) && c.mustInclude.length < 10;
      chosen ??= candidates.find(hasRoom) ?? published.find(hasRoom);
      chosen?.mustInclude.push(r);
    }
  }
}

export type GenerateContext = {
  handlePrefix: string;
  today: Date;
  researchersByGroup: Map<number, ResearcherSeed[]>;
  researcherGroups: Map<number, GroupRuntime>;
};

const iso = (ms: number) => new Date(ms);
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function issueDateOf(p: ItemPlan): string {
  const mm = String(p.month).padStart(2, "0");
  const dd = String(p.day).padStart(2, "0");
  return p.precision === "year" ? `${p.year}` : p.precision === "month" ? `${p.year}-${mm}` : `${p.year}-${mm}-${dd}`;
}

function emptyItem(p: ItemPlan, prefix: string): ItemSeed {
  return {
    id: p.id,
    handle: formatHandle(prefix, p.handleNumber),
    uri: null,
    type: p.type,
    status: p.status,
    title: "",
    alternativeTitle: null,
    alternativeTitleLang: null,
    issueDate: issueDateOf(p),
    issueYear: p.year,
    publisher: null,
    citation: null,
    journalTitle: null,
    bookTitle: null,
    conferenceName: null,
    conferencePlace: null,
    placeOfPublication: null,
    edition: null,
    volume: null,
    number: null,
    startPage: null,
    endPage: null,
    pageCount: null,
    issn: null,
    eissn: null,
    isbn: null,
    doi: null,
    degree: null,
    reportNumber: null,
    patentNumber: null,
    abstract: null,
    altAbstract: null,
    altAbstractLang: null,
    keywords: [],
    subjects: [],
    language: "en",
    license: null,
    rights: null,
    funding: null,
    embargoUntil: null,
    withdrawnReason: null,
    withdrawnAt: p.withdrawnAt === null ? null : iso(p.withdrawnAt),
    publishedAt: p.publishedAt === null ? null : iso(p.publishedAt),
    collectionId: p.collection.id,
    createdAt: iso(p.createdAt),
    updatedAt: iso(Math.max(p.createdAt, p.withdrawnAt ?? p.publishedAt ?? p.createdAt)),
  };
}

/** Korean title and abstract with English alternatives (language "ko"). */
function setKorean(item: ItemSeed, r: Random, t: Topic, enTitle: string, enAbstract: string, koTitle = koreanTitle(r, t)) {
  item.language = "ko";
  item.title = koTitle;
  item.alternativeTitle = enTitle;
  item.alternativeTitleLang = "en";
  item.abstract = koreanAbstract(r, t);
  item.altAbstract = enAbstract;
  item.altAbstractLang = "en";
}

/** "Experimental Neurobiology" → "en"; a one-word title keeps its first letters ("neuron"). */
function journalAbbreviation(j: Journal): string {
  const words = j.title.split(/[^A-Za-z]+/).filter((w) => w.length > 2 && !/^(and|the|for|of)$/i.test(w));
  if (words.length < 2) return (words[0] ?? "kj").toLowerCase().slice(0, 6);
  return words.map((w) => w[0].toLowerCase()).join("").slice(0, 6);
}

export function generateItem(r: Random, p: ItemPlan, ctx: GenerateContext): GeneratedItem {
  const item = emptyItem(p, ctx.handlePrefix);
  const t = drawTopic(r, p.group.profile);
  const pad = String(p.id).padStart(5, "0");
  const thisYear = ctx.today.getUTCFullYear();
  let contributorCount = 1;
  let roleOfOthers: ContributorRoleName = "AUTHOR";
  let kind: Parameters<typeof englishAbstract>[2] = "research";
  let thesisAdvisors = 0;
  let chapterEditors = 0;

  switch (p.type) {
    case "JOURNAL_ARTICLE": {
      const review = r.chance(0.15);
      kind = review ? "review" : "research";
      const korean = r.chance(0.08);
      const candidates = JOURNALS.filter((j) => (korean ? j.language === "ko" : j.language !== "ko") && volumeOf(j, p) >= 1);
      const journal = r.weighted(candidates.map((j) => [j, j.weight] as const));
      const en = articleTitle(r, t, review);
      const abs = englishAbstract(r, t, kind);
      item.title = en;
      item.abstract = abs;
      if (korean) setKorean(item, r, t, en, abs);
      else if (r.chance(0.08)) {
        item.alternativeTitle = koreanTitle(r, t);
        item.alternativeTitleLang = "ko";
        if (r.chance(0.6)) {
          item.altAbstract = koreanAbstract(r, t);
          item.altAbstractLang = "ko";
        }
      }
      item.journalTitle = journal.title;
      item.publisher = journal.publisher;
      item.issn = journal.issn;
      item.eissn = journal.eissn ?? null;
      const volume = volumeOf(journal, p);
      item.volume = String(volume);
      const issue = journal.issuesPerYear > 1 ? 1 + Math.floor(((p.month - 1) * journal.issuesPerYear) / 12) : 1;
      item.number = String(issue);
      if (journal.articleNumbers) {
        item.startPage = String(r.int(100, 29999));
        item.pageCount = r.int(8, 22);
        item.citation = r.chance(0.7) ? `${journal.title}, v.${volume}, no.${issue}` : null;
      } else {
        const start = r.int(1, 120) + (issue - 1) * r.int(60, 140);
        const length = review ? r.int(10, 24) : r.int(6, 18);
        item.startPage = String(start);
        item.endPage = String(start + length - 1);
        item.pageCount = length;
        item.citation = r.chance(0.75) ? `${journal.title}, v.${volume}, no.${issue}, pp ${start} - ${start + length - 1}` : null;
      }
      if (r.chance(0.88)) item.doi = `10.5555/${journalAbbreviation(journal)}.${p.year}.${pad}`;
      contributorCount = r.weighted([[2, 4], [3, 8], [4, 10], [5, 11], [6, 10], [7, 8], [8, 6], [9, 4], [10, 3], [11, 2], [12, 2]] as const);
      if (review) contributorCount = Math.min(contributorCount, 6);
      break;
    }
    case "CONFERENCE_PAPER": {
      const conf = r.pick(CONFERENCES);
      const en = articleTitle(r, t, false);
      const abs = englishAbstract(r, t, "talk");
      item.title = en;
      item.abstract = abs;
      if (conf.ko && r.chance(0.3)) setKorean(item, r, t, en, abs);
      item.conferenceName = `${conf.name} (${conf.shortName} ${p.year})`;
      item.conferencePlace = conf.places[p.year % conf.places.length];
      if (conf.shortName === "NeurIPS") {
        item.bookTitle = `Advances in Neural Information Processing Systems ${p.year - 1987}`;
        item.publisher = conf.publisher ?? null;
        const start = r.int(1000, 30000);
        item.startPage = String(start);
        item.endPage = String(start + 11);
        item.pageCount = 12;
      } else if (r.chance(0.4)) {
        item.bookTitle = `Abstracts of the ${conf.name} ${p.year}`;
        item.startPage = String(r.int(1, 900));
        item.pageCount = 1;
      }
      if (r.chance(0.25)) item.doi = `10.5555/${conf.shortName.toLowerCase()}.${p.year}.${pad}`;
      contributorCount = r.int(1, 6);
      break;
    }
    case "BOOK":
    case "BOOK_CHAPTER": {
      const publisher = r.pick(BOOK_PUBLISHERS);
      const book = bookTitles(r, t);
      const publicationDigits = 9 - publisher.isbnGroup.length - publisher.registrant.length;
      item.isbn = formatIsbn13("978", publisher.isbnGroup, publisher.registrant, r.digits(publicationDigits));
      item.publisher = publisher.name;
      item.placeOfPublication = publisher.place;
      if (p.type === "BOOK") {
        kind = "review";
        const abs = englishAbstract(r, t, "review");
        if (publisher.ko) setKorean(item, r, t, book.en, abs, book.ko);
        else {
          item.title = book.en;
          item.abstract = abs;
        }
        item.pageCount = r.int(180, 480);
        if (r.chance(0.2)) item.edition = r.pick(["2nd", "3rd", "Revised"]);
        if (r.chance(0.45)) roleOfOthers = "EDITOR";
        contributorCount = r.int(1, 4);
      } else {
        const en = articleTitle(r, t, true);
        const abs = englishAbstract(r, t, "review");
        if (publisher.ko) {
          setKorean(item, r, t, en, abs);
          item.bookTitle = book.ko;
        } else {
          item.title = en;
          item.abstract = abs;
          item.bookTitle = book.en;
        }
        const start = r.int(1, 380);
        const length = r.int(12, 36);
        item.startPage = String(start);
        item.endPage = String(start + length - 1);
        item.pageCount = length;
        item.citation = `${item.bookTitle}, pp ${start} - ${start + length - 1}`;
        contributorCount = r.int(1, 4);
        chapterEditors = r.int(1, 2);
      }
      if (!publisher.ko && r.chance(0.4)) item.doi = `10.5555/978-${publisher.registrant}.${p.year}.${pad}`;
      break;
    }
    case "THESIS": {
      const university = r.pick(UNIVERSITIES_FOR_THESES);
      const en = articleTitle(r, t, false);
      const abs = englishAbstract(r, t, "research");
      item.title = en;
      item.abstract = abs;
      const korean = r.chance(0.4);
      if (korean) setKorean(item, r, t, en, abs);
      item.degree = r.chance(0.6) ? "Ph.D." : "M.S.";
      item.publisher = korean ? university.ko : university.en;
      item.pageCount = item.degree === "Ph.D." ? r.int(90, 240) : r.int(50, 120);
      contributorCount = 1;
      thesisAdvisors = r.chance(0.3) ? 2 : 1;
      break;
    }
    case "REPORT": {
      kind = "report";
      const titles = reportTitles(r, t, p.year, p.group.spec.name, p.group.spec.altName);
      const abs = englishAbstract(r, t, "report");
      const korean = r.chance(0.6);
      if (korean) {
        setKorean(item, r, t, titles.en, abs, titles.ko);
        item.publisher = "한국뇌연구원";
        item.placeOfPublication = "대구";
      } else {
        item.title = titles.en;
        item.abstract = abs;
        item.publisher = "Korea Brain Research Institute";
        item.placeOfPublication = "Daegu";
      }
      item.reportNumber = `KBRI-${r.pick(["RR", "TR", "PR"])}-${p.year}-${String(r.int(1, 150)).padStart(3, "0")}`;
      item.pageCount = r.int(20, 220);
      contributorCount = r.int(2, 8);
      break;
    }
    case "DATASET": {
      kind = "dataset";
      item.title = datasetTitle(r, t);
      item.abstract = englishAbstract(r, t, "dataset");
      item.publisher = "Korea Brain Research Institute";
      if (r.chance(0.7)) item.doi = `10.5555/kbri-data.${p.year}.${pad}`;
      item.license = r.chance(0.85) ? CC_BY : CC_BY_NC;
      contributorCount = r.int(1, 6);
      break;
    }
    case "PATENT": {
      kind = "patent";
      const titles = patentTitles(r, t);
      const abs = englishAbstract(r, t, "patent");
      if (r.chance(0.75)) {
        setKorean(item, r, t, titles.en, abs, titles.ko);
        item.publisher = "Korean Intellectual Property Office";
        item.patentNumber = r.chance(0.5) ? `10-${p.year}-${r.digits(7)}` : `10-${r.int(1, 2)}${r.digits(6)}`;
      } else {
        item.title = titles.en;
        item.abstract = abs;
        item.publisher = "United States Patent and Trademark Office";
        item.patentNumber = `US ${r.int(10, 12)},${r.digits(3)},${r.digits(3)} B2`;
      }
      roleOfOthers = "INVENTOR";
      contributorCount = r.int(1, 5);
      break;
    }
    case "PRESENTATION": {
      kind = "talk";
      const conf = r.pick(CONFERENCES);
      item.title = presentationTitle(r, t);
      item.abstract = englishAbstract(r, t, "talk");
      item.conferenceName = `${conf.name} (${conf.shortName} ${p.year})`;
      item.conferencePlace = conf.places[p.year % conf.places.length];
      contributorCount = r.int(1, 2);
      break;
    }
    case "OTHER": {
      kind = "talk";
      const en = `${cap(t.condition.en)} research at KBRI: ${p.year} highlights`;
      item.title = en;
      item.abstract = englishAbstract(r, t, "talk");
      if (r.chance(0.5)) setKorean(item, r, t, en, item.abstract, `${p.year}년 ${t.condition.ko} 연구 성과`);
      item.publisher = "Korea Brain Research Institute";
      contributorCount = r.int(1, 3);
      break;
    }
  }

  if (kind !== "patent" && r.chance(0.92)) item.keywords = keywordsFor(r, t, item.language === "ko");
  item.subjects = r.sample(p.group.profile.subjects, r.int(1, Math.min(3, p.group.profile.subjects.length)));
  if (!item.license && r.chance(p.type === "JOURNAL_ARTICLE" ? 0.35 : 0.15)) item.license = CC_BY;
  if (r.chance(kind === "patent" ? 0.9 : 0.5)) {
    const n = r.weighted([[1, 6], [2, 3], [3, 1]] as const);
    const funders = r.sample(FUNDERS, n);
    item.funding = funders.map((f) => ({ funder: f.name, awardNumber: f.award(Math.max(2010, p.year - r.int(0, 3)), () => r.digits(8)) }));
  }
  if (p.status === "WITHDRAWN") {
    item.withdrawnReason = r.pick([
      "Withdrawn at the request of the authors: the article was retracted by the publisher.",
      `Duplicate record; see ${formatHandle(ctx.handlePrefix, Math.max(1, p.handleNumber - r.int(1, 40)))}.`,
      "Deposited in error: the work is not an output of the institute.",
      "Removed after a copyright complaint; the metadata remain for citation.",
    ]);
  }

  // Contributors.
  const { contributors, mapped } = buildContributors(r, p, item, ctx, contributorCount, roleOfOthers, thesisAdvisors, chapterEditors);

  // Files (contents are made later) and metrics.
  const files = planFiles(r, p, item, contributors, ctx.today);
  const metrics = p.status === "PUBLISHED" ? planMetrics(r, p, item, thisYear, ctx.today) : [];

  return {
    item,
    contributors,
    mappedCollectionIds: mapped,
    files,
    metrics,
    pdf: {
      title: item.language === "ko" && item.alternativeTitle ? item.alternativeTitle : item.title,
      abstract: item.language === "ko" ? item.altAbstract : item.abstract,
      citation: item.citation,
    },
    measures: [t.process.keyword ?? t.process.en, t.molecule.keyword ?? t.molecule.en],
  };
}

/** Alias tables of each group's members by weight, built once per list. */
const memberTables = new WeakMap<ResearcherSeed[], AliasTable>();
function memberTable(members: ResearcherSeed[]): AliasTable {
  let table = memberTables.get(members);
  if (!table) {
    table = new AliasTable(members.map((m) => m.weight));
    memberTables.set(members, table);
  }
  return table;
}

function volumeOf(j: Journal, p: Pick<ItemPlan, "year" | "month">): number {
  return j.volumeBase + (p.year - 2000) * j.volumesPerYear + (j.volumesPerYear > 1 ? Math.floor(((p.month - 1) * j.volumesPerYear) / 12) : 0);
}

function buildContributors(
  r: Random,
  p: ItemPlan,
  item: ItemSeed,
  ctx: GenerateContext,
  count: number,
  roleOfOthers: ContributorRoleName,
  thesisAdvisors: number,
  chapterEditors: number,
): { contributors: ContributorSeed[]; mapped: number[] } {
  const members = ctx.researchersByGroup.get(p.group.id) ?? [];
  const linked: ResearcherSeed[] = [...p.mustInclude];
  const wantLinked = p.type === "THESIS" ? 1 : Math.min(count, 1 + (r.chance(0.35) ? 1 : 0) + (r.chance(0.1) ? 1 : 0));
  for (let attempt = 0; linked.length < wantLinked && attempt < 10 && members.length > 0; attempt++) {
    const pick = members[memberTable(members).draw(r)];
    if (!linked.includes(pick)) linked.push(pick);
  }
  // Now and then a colleague from another group joins: the item then appears in that group's collection too.
  let guest: ResearcherSeed | undefined;
  if (p.type === "JOURNAL_ARTICLE" && r.chance(0.05)) {
    const others = [...ctx.researchersByGroup.entries()].filter(([gid, list]) => gid !== p.group.id && list.length > 0);
    if (others.length > 0) {
      const [, list] = r.pick(others);
      const candidate = r.pick(list);
      if (!linked.includes(candidate)) {
        guest = candidate;
        linked.push(candidate);
      }
    }
  }

  const total = Math.min(12, Math.max(count, linked.length));
  // Seniors tend to sign last (corresponding author), juniors first.
  const seniors = linked.filter((x) => x.weight >= 2);
  const juniors = linked.filter((x) => x.weight < 2);
  const slots: (ResearcherSeed | null)[] = Array(total).fill(null);
  const place = (x: ResearcherSeed, preferLast: boolean) => {
    const order = preferLast ? [...slots.keys()].reverse() : [...slots.keys()];
    for (const i of order) {
      if (slots[i] === null) {
        slots[i] = x;
        return;
      }
    }
  };
  for (const x of juniors) place(x, r.chance(0.25));
  for (const x of seniors) place(x, r.chance(0.75));

  const contributors: ContributorSeed[] = slots.map((x, position) => {
    if (x) {
      return {
        itemId: p.id,
        position,
        name: x.displayName,
        role: p.type === "THESIS" ? "AUTHOR" : roleOfOthers,
        affiliation: "Korea Brain Research Institute",
        orcid: x.orcid,
        researcherId: x.id,
      };
    }
    const person = externalPerson(r);
    return {
      itemId: p.id,
      position,
      name: person.name,
      role: roleOfOthers,
      affiliation: person.affiliation,
      orcid: r.chance(0.25) ? formatOrcid(`0000000${r.int(1, 3)}${r.digits(7)}`) : null,
      researcherId: null,
    };
  });
  // Thesis advisors and chapter editors follow the authors.
  const extras: { role: ContributorRoleName; count: number }[] = [
    { role: "ADVISOR", count: thesisAdvisors },
    { role: "EDITOR", count: chapterEditors },
  ];
  for (const { role, count: n } of extras) {
    for (let k = 0; k < n && contributors.length < 12; k++) {
      const seniors = role === "ADVISOR" && k === 0 ? members.filter((m) => m.weight >= 2 && !linked.includes(m)) : [];
      const advisorFromGroup = seniors.length ? r.pick(seniors) : undefined;
      if (advisorFromGroup) {
        contributors.push({
          itemId: p.id,
          position: contributors.length,
          name: advisorFromGroup.displayName,
          role,
          affiliation: "Korea Brain Research Institute",
          orcid: advisorFromGroup.orcid,
          researcherId: advisorFromGroup.id,
        });
        linked.push(advisorFromGroup);
      } else {
        const person = externalPerson(r);
        contributors.push({ itemId: p.id, position: contributors.length, name: person.name, role, affiliation: person.affiliation, orcid: null, researcherId: null });
      }
    }
  }

  // Mapped collection: the guest's group shows the item in its collection of the same kind.
  const mapped: number[] = [];
  const home = guest ? ctx.researcherGroups.get(guest.id) : undefined;
  const target = home && home.id !== p.group.id ? home.collections.get(p.collection.kind.key) : undefined;
  if (target && target.id !== item.collectionId) mapped.push(target.id);
  return { contributors, mapped };
}

function fileStem(contributors: ContributorSeed[], item: ItemSeed, title: string): string {
  const family = (contributors[0]?.name.split(",")[0] ?? "KBRI").normalize("NFKD").replace(/[^A-Za-z]/g, "") || "KBRI";
  const words = title
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 2 && !/^(the|and|for|with|from|into|via|its|their)$/i.test(w))
    .slice(0, 4)
    .map((w) => w[0].toUpperCase() + w.slice(1));
  return `${family}_${item.issueYear}_${words.join("_") || "Document"}`;
}

function planFiles(r: Random, p: ItemPlan, item: ItemSeed, contributors: ContributorSeed[], today: Date): PlannedFile[] {
  if (p.status !== "PUBLISHED" || p.isSeed) return [];
  const share = p.type === "DATASET" ? 0.7 : p.type === "PATENT" ? 0.15 : p.type === "PRESENTATION" ? 0.4 : 0.28;
  if (!r.chance(share)) return [];
  const access = r.weighted<FileAccessName>([
    ["OPEN", 75],
    ["EMBARGOED", 15],
    ["RESTRICTED", 10],
  ]);
  let embargoUntil: string | null = null;
  if (access === "EMBARGOED") {
    // Mostly still running; some ended already (the file is open again).
    const days = r.chance(0.75) ? r.int(20, 540) : -r.int(10, 300);
    embargoUntil = ymd(today.getTime() + days * DAY);
  }
  const stem = fileStem(contributors, item, item.language === "ko" && item.alternativeTitle ? item.alternativeTitle : item.title);
  const files: PlannedFile[] = [];
  if (p.type === "DATASET") {
    files.push({ kind: "csv", fileName: `${stem}_data.csv`, mimeType: "text/csv", description: "Data table", access, embargoUntil });
    if (r.chance(0.6)) files.push({ kind: "pdf", fileName: `${stem}_README.pdf`, mimeType: "application/pdf", description: "Data descriptor", access, embargoUntil });
    return files;
  }
  const description =
    p.type === "JOURNAL_ARTICLE"
      ? r.pick(["Accepted manuscript", "Published version", "Full text"])
      : p.type === "PRESENTATION"
        ? "Slides"
        : "Full text";
  files.push({ kind: "pdf", fileName: `${stem}.pdf`, mimeType: "application/pdf", description, access, embargoUntil });
  if (r.chance(0.2)) {
    files.push(
      r.chance(0.6)
        ? { kind: "csv", fileName: `${stem}_supplementary_data.csv`, mimeType: "text/csv", description: "Supplementary data", access, embargoUntil }
        : { kind: "png", fileName: `${stem}_figure_1.png`, mimeType: "image/png", description: "Figure 1", access, embargoUntil },
    );
  }
  return files;
}

function planMetrics(r: Random, p: ItemPlan, item: ItemSeed, thisYear: number, today: Date): MetricSeed[] {
  const share = p.type === "JOURNAL_ARTICLE" ? 0.55 : p.type === "CONFERENCE_PAPER" || p.type === "BOOK_CHAPTER" ? 0.2 : 0.05;
  if (!r.chance(share)) return [];
  const age = Math.max(0, thisYear - p.year) + r.next();
  // Heavy-tailed, growing with age; a good share of new items have no citations yet.
  const base = age < 0.7 && r.chance(0.5) ? 0 : Math.floor(Math.pow(age, 1.15) * 1.8 * r.pareto(1.6) * (r.chance(0.15) ? 0.2 : 1));
  const wos = Math.min(base, 5000);
  const scopus = Math.round(wos * (1.05 + r.next() * 0.3) + (wos > 0 ? r.int(0, 2) : 0));
  const refreshed = () => new Date(today.getTime() - r.int(1, 9) * DAY + r.int(0, DAY - 1));
  const metrics: MetricSeed[] = [
    { itemId: p.id, source: "webofscience", value: wos, url: `https://www.webofscience.com/wos/woscc/full-record/WOS:000${r.digits(9)}`, refreshedAt: refreshed() },
    { itemId: p.id, source: "scopus", value: scopus, url: `https://www.scopus.com/inward/record.uri?eid=2-s2.0-85${r.digits(9)}`, refreshedAt: refreshed() },
  ];
  if (item.doi && r.chance(0.6)) {
    metrics.push({ itemId: p.id, source: "crossref", value: Math.round(scopus * (0.8 + r.next() * 0.2)), url: `https://doi.org/${item.doi}`, refreshedAt: refreshed() });
  }
  if (item.doi && r.chance(0.35)) {
    metrics.push({
      itemId: p.id,
      source: "altmetric",
      value: Math.round(r.pareto(1.3) * 3 - 2) + (age < 2 ? r.int(0, 8) : 0),
      url: `https://www.altmetric.com/details/doi/${item.doi}`,
      refreshedAt: refreshed(),
    });
  }
  return metrics;
}
