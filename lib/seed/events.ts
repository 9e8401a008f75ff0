// Synthetic usage events for two years up to the reference day, with the patterns a real
// repository shows: heavy-tailed item popularity, a burst after publication, weekday/weekend and
// daily rhythms (Korean working hours dominate), slow growth, visitor sessions that browse on,
// downloads after views of items with open files, double clicks (second event counted = false),
// robots (is_robot = true), referrers and countries. Events are generated day by day and handed
// to a sink in batches, so memory stays bounded whatever the total.
import crypto from "node:crypto";
import type { Sql } from "../db/connection";
import { AliasTable, hash32, type Random } from "./random";

export type EventItem = {
  id: number;
  publishedAt: number;
  groupId: number;
  /** Relative popularity (heavy-tailed). */
  weight: number;
  /** Files that can be downloaded, and from when (embargo end, or publication). */
  files: { id: number; openFrom: number }[];
};

export type EventTargets = {
  items: EventItem[];
  researchers: { id: number; weight: number; itemIndexes: number[] }[];
  units: { id: number; weight: number; groupId: number | null }[];
};

export type EventOptions = {
  total: number;
  /** Start of the reference day (UTC midnight): events end just before it. */
  today: Date;
  days?: number;
};

/** Kinds by their position in the usage_event_kind list the insert uses (1-based in SQL). */
const ITEM_VIEW = 1;
const FILE_DOWNLOAD = 2;
const RESEARCHER_VIEW = 3;
const UNIT_VIEW = 4;

export type UsageEventSeed = {
  t: number;
  kind: number;
  item: number;
  file: number;
  researcher: number;
  unit: number;
  visitor: string;
  country: string;
  robot: boolean;
  counted: boolean;
  referrer: string;
};

const COUNTRIES: [string, number, number][] = [
  // code, share, UTC offset of the daytime
  ["KR", 55, 9],
  ["US", 11, -6],
  ["CN", 6.5, 8],
  ["JP", 4.5, 9],
  ["DE", 3, 1],
  ["GB", 2.8, 0],
  ["IN", 2.5, 5],
  ["FR", 1.8, 1],
  ["CA", 1.7, -5],
  ["AU", 1.4, 10],
  ["TW", 1.2, 8],
  ["SG", 0.9, 8],
  ["VN", 0.8, 7],
  ["IT", 0.8, 1],
  ["ES", 0.7, 1],
  ["NL", 0.7, 1],
  ["BR", 0.6, -3],
  ["SE", 0.5, 1],
  ["CH", 0.5, 1],
  ["HK", 0.5, 8],
  ["IR", 0.4, 3],
  ["TR", 0.4, 3],
  ["", 1.2, 0], // unknown
];
const COUNTRY_TABLE = new AliasTable(COUNTRIES.map((c) => c[1]));

const ROBOT_COUNTRIES: [string, number][] = [
  ["US", 60],
  ["CN", 10],
  ["DE", 6],
  ["FR", 5],
  ["RU", 4],
  ["SG", 4],
  ["KR", 6],
  ["", 5],
];

/** Local-time hour weights: night lull, morning rise, lunch dip, afternoon peak. */
const HOURS = [0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.25, 0.5, 0.9, 1.3, 1.5, 1.5, 1.1, 1.4, 1.6, 1.6, 1.5, 1.3, 1.0, 0.9, 0.9, 0.8, 0.6, 0.4];
const HOUR_TABLE = new AliasTable(HOURS);

const REFERRERS: [string, number][] = [
  ["scholar.google.com", 30],
  ["www.google.com", 24],
  ["search.naver.com", 8],
  ["doi.org", 7],
  ["pubmed.ncbi.nlm.nih.gov", 7],
  ["www.bing.com", 4],
  ["www.riss.kr", 4],
  ["www.kci.go.kr", 2],
  ["scienceon.kisti.re.kr", 2],
  ["www.kbri.re.kr", 3],
  ["duckduckgo.com", 1.5],
  ["t.co", 1.5],
  ["www.facebook.com", 1],
  ["www.researchgate.net", 3],
  ["www.semanticscholar.org", 2],
];
const REFERRER_TABLE = new AliasTable(REFERRERS.map((r) => r[1]));

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type EventStats = { total: number; robots: number; uncounted: number; downloads: number };

/**
 * Generates `options.total` events (exactly) and passes them to `sink` in chronological batches
 * of about `batchSize`. Event ids are 1…total in time order. One batch is written while the next
 * is generated (the database works while JavaScript does), never more than one at a time.
 */
export async function generateEvents(
  random: Random,
  targets: EventTargets,
  options: EventOptions,
  sink: (batch: UsageEventSeed[], firstId: number) => Promise<void>,
  batchSize = 20_000,
): Promise<EventStats> {
  const stats: EventStats = { total: 0, robots: 0, uncounted: 0, downloads: 0 };
  const { items } = targets;
  if (options.total <= 0 || items.length === 0) return stats;

  const days = options.days ?? 730;
  const end = Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate());
  const start = end - days * DAY;

  // Daily budgets: weekday rhythm, academic calendar, slow growth, some noise; rounded so that
  // they add up to the total exactly.
  const dayRandom = random.fork("days");
  const dayWeights: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * DAY + 9 * HOUR); // the Korean calendar day
    const weekday = date.getUTCDay();
    const month = date.getUTCMonth();
    const dom = date.getUTCDate();
    const week = weekday === 6 ? 0.55 : weekday === 0 ? 0.62 : weekday === 5 ? 0.92 : 1;
    const season = (month === 11 && dom > 22) || (month === 0 && dom < 3) ? 0.7 : month === 1 || month === 7 ? 0.9 : 1;
    dayWeights.push(week * season * (1 + (0.6 * d) / days) * (0.88 + dayRandom.next() * 0.24));
  }
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);

  // Popularity: a global alias table, one per group (visitors browse on within a group), and the
  // items sorted by publication for the post-publication burst.
  const globalTable = new AliasTable(items.map((i) => i.weight));
  const byGroup = new Map<number, number[]>();
  items.forEach((item, index) => {
    const list = byGroup.get(item.groupId) ?? [];
    list.push(index);
    byGroup.set(item.groupId, list);
  });
  const groupTables = new Map<number, { indexes: number[]; table: AliasTable }>();
  for (const [groupId, indexes] of byGroup) groupTables.set(groupId, { indexes, table: new AliasTable(indexes.map((i) => items[i].weight)) });
  const byPublication = items.map((_, i) => i).sort((a, b) => items[a].publishedAt - items[b].publishedAt || a - b);
  const baseMass = items.reduce((s, i) => s + i.weight, 0);
  const oldest = byPublication[0];
  const downloadable = items.map((_, i) => i).filter((i) => items[i].files.length > 0);
  const researcherTable = targets.researchers.length ? new AliasTable(targets.researchers.map((r) => r.weight)) : null;
  const unitTable = targets.units.length ? new AliasTable(targets.units.map((u) => u.weight)) : null;
  const returningPool = Math.max(500, Math.floor(options.total / 40));
  const robotCount = 40;

  let writing: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  const flush = async (events: UsageEventSeed[], firstId: number) => {
    if (writing) await writing;
    if (failure) throw failure.error;
    // Caught here and rethrown at the next flush, so a failed write is never an unhandled rejection.
    writing = sink(events, firstId).catch((error: unknown) => {
      failure = { error };
    });
  };

  let nextVisitor = 1;
  let nextId = 1;
  let batch: UsageEventSeed[] = [];
  let batchFirstId = 1;
  let allocated = 0;
  let cumulative = 0;

  for (let d = 0; d < days; d++) {
    cumulative += dayWeights[d];
    const target = d === days - 1 ? options.total : Math.round((options.total * cumulative) / weightSum);
    const budget = target - allocated;
    allocated = target;
    if (budget <= 0) continue;

    const r = random.fork(`day:${d}`);
    const dayStart = start + d * DAY;
    const dayEnd = dayStart + DAY;
    const hashes = new Map<string, string>();
    const visitorHash = (key: string) => {
      let h = hashes.get(key);
      if (!h) {
        // The real salt rotates daily, so the same person has a new hash every day.
        h = crypto.createHash("sha256").update(`${key}|${d}`).digest("hex").slice(0, 32);
        hashes.set(key, h);
      }
      return h;
    };

    // The burst: items published in the last 60 days get extra attention, fading over weeks.
    const burst: { index: number; cumulative: number }[] = [];
    let burstMass = 0;
    const noon = dayStart + 12 * HOUR;
    for (let k = byPublication.length - 1; k >= 0; k--) {
      const item = items[byPublication[k]];
      if (item.publishedAt > noon) continue;
      const ageDays = (noon - item.publishedAt) / DAY;
      if (ageDays > 60) break;
      burstMass += item.weight * 5 * Math.exp(-ageDays / 12) + 0.5;
      burst.push({ index: byPublication[k], cumulative: burstMass });
    }
    const burstShare = burstMass / (burstMass + baseMass);

    const publishedBy = (index: number, t: number) => items[index].publishedAt <= t;
    const pickItem = (t: number, group?: number): number => {
      if (group !== undefined && r.chance(0.5)) {
        const g = groupTables.get(group);
        if (g) {
          const index = g.indexes[g.table.draw(r)];
          if (publishedBy(index, t)) return index;
        }
      }
      if (burst.length && r.chance(burstShare)) {
        const x = r.next() * burstMass;
        let lo = 0;
        let hi = burst.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (burst[mid].cumulative < x) lo = mid + 1;
          else hi = mid;
        }
        if (publishedBy(burst[lo].index, t)) return burst[lo].index;
      }
      for (let attempt = 0; attempt < 12; attempt++) {
        const index = globalTable.draw(r);
        if (publishedBy(index, t)) return index;
      }
      return oldest;
    };

    // The visit being generated: who, from where, and whether a robot. Events past the day's end
    // or the day's budget are dropped (a visit cut short by midnight or by the total).
    const events: UsageEventSeed[] = [];
    let visitor = "";
    let country = "";
    let robot = false;
    const emit = (t: number, kind: number, item: number, file: number, researcher: number, unit: number, referrer: string, counted: boolean) => {
      if (t >= dayEnd || events.length >= budget) return false;
      events.push({ t, kind, item, file, researcher, unit, visitor, country, robot, counted, referrer });
      return true;
    };

    while (events.length < budget) {
      const type = r.next();
      if (type < 0.028) {
        // A robot: a burst of requests at any hour, mostly item pages, some files.
        const bot = r.int(1, robotCount);
        robot = true;
        country = ROBOT_COUNTRIES[hash32(`bot:${bot}`) % ROBOT_COUNTRIES.length][0];
        visitor = visitorHash(`bot:${bot}`);
        let t = dayStart + Math.floor(r.next() * DAY);
        const n = r.geometric(6);
        for (let k = 0; k < n; k++) {
          const what = r.next();
          if (what < 0.7) {
            const item = items[Math.floor(r.next() * items.length)];
            if (item.publishedAt <= t) emit(t, ITEM_VIEW, item.id, 0, 0, 0, "", true);
          } else if (what < 0.9 && downloadable.length) {
            const item = items[downloadable[Math.floor(r.next() * downloadable.length)]];
            if (item.files[0].openFrom <= t) emit(t, FILE_DOWNLOAD, item.id, item.files[0].id, 0, 0, "", true);
          } else if (what < 0.96 && targets.researchers.length) {
            emit(t, RESEARCHER_VIEW, 0, 0, targets.researchers[Math.floor(r.next() * targets.researchers.length)].id, 0, "", true);
          } else if (targets.units.length) {
            emit(t, UNIT_VIEW, 0, 0, 0, targets.units[Math.floor(r.next() * targets.units.length)].id, "", true);
          }
          t += r.int(1_000, 20_000);
        }
        continue;
      }

      // A person: a returning visitor or a new one, from a country, at a local working hour.
      const visitorId = r.chance(0.3) ? Math.floor(returningPool * r.next() * r.next()) : returningPool + nextVisitor++;
      const [code, , offset] = COUNTRIES[COUNTRY_TABLE.draw(r)];
      robot = false;
      country = code;
      visitor = visitorHash(`v:${visitorId}`);
      const localHour = HOUR_TABLE.draw(r);
      let t = dayStart + ((((localHour - offset) % 24) + 24) % 24) * HOUR + Math.floor(r.next() * HOUR);
      let referrer = r.chance(0.5) ? REFERRERS[REFERRER_TABLE.draw(r)][0] : "";
      const viewItem = (index: number) => {
        const item = items[index];
        const ok = emit(t, ITEM_VIEW, item.id, 0, 0, 0, referrer, true);
        referrer = "";
        if (!ok) return;
        if (r.chance(0.03)) emit(t + r.int(1_000, 25_000), ITEM_VIEW, item.id, 0, 0, 0, "", false);
        let open = 0;
        for (const f of item.files) if (f.openFrom <= t) open++;
        if (open > 0 && r.chance(0.25)) {
          t += r.int(5_000, 90_000);
          const file = open > 1 && r.chance(0.2) ? item.files[1] : item.files[0];
          emit(t, FILE_DOWNLOAD, item.id, file.id, 0, 0, "", true);
          if (r.chance(0.02)) emit(t + r.int(500, 20_000), FILE_DOWNLOAD, item.id, file.id, 0, 0, "", false);
        }
        t += r.int(20_000, 360_000);
      };

      if (type < 0.123 && researcherTable) {
        const researcher = targets.researchers[researcherTable.draw(r)];
        emit(t, RESEARCHER_VIEW, 0, 0, researcher.id, 0, referrer, true);
        referrer = "";
        if (r.chance(0.02)) emit(t + r.int(1_000, 20_000), RESEARCHER_VIEW, 0, 0, researcher.id, 0, "", false);
        t += r.int(15_000, 200_000);
        if (r.chance(0.5) && researcher.itemIndexes.length) {
          for (let k = r.int(1, 2); k > 0; k--) {
            const index = researcher.itemIndexes[Math.floor(r.next() * researcher.itemIndexes.length)];
            viewItem(publishedBy(index, t) ? index : pickItem(t));
          }
        }
      } else if (type < 0.18 && unitTable) {
        const unit = targets.units[unitTable.draw(r)];
        emit(t, UNIT_VIEW, 0, 0, 0, unit.id, referrer, true);
        referrer = "";
        t += r.int(15_000, 200_000);
        if (r.chance(0.4)) viewItem(pickItem(t, unit.groupId ?? undefined));
      } else {
        let index = pickItem(t);
        viewItem(index);
        for (let k = r.geometric(1.6) - 1; k > 0; k--) {
          index = pickItem(t, items[index].groupId);
          viewItem(index);
        }
      }
    }

    events.sort((a, b) => a.t - b.t);
    for (const e of events) {
      if (e.robot) stats.robots++;
      if (!e.counted) stats.uncounted++;
      if (e.kind === FILE_DOWNLOAD) stats.downloads++;
      batch.push(e);
      nextId++;
      if (batch.length >= batchSize) {
        await flush(batch, batchFirstId);
        batchFirstId = nextId;
        batch = [];
      }
    }
    stats.total += events.length;
  }
  if (batch.length) await flush(batch, batchFirstId);
  if (writing) await writing;
  if (failure) throw (failure as { error: unknown }).error;
  return stats;
}

/**
 * Writes one batch of events with a single statement. Columns travel as comma-joined text (no
 * value contains a comma) — much cheaper to build and parse than one array element per value.
 */
export async function insertEventBatch(sql: Sql, batch: UsageEventSeed[], firstId: number): Promise<void> {
  const join = (f: (e: UsageEventSeed) => string | number) => batch.map(f).join(",");
  await sql.query(
    `INSERT INTO usage_event (id, kind, occurred_at, item_id, file_id, researcher_id, unit_id,
                              visitor_hash, country, is_robot, counted, referrer_host)
     SELECT $1::bigint + u.n - 1,
            (ARRAY['ITEM_VIEW', 'FILE_DOWNLOAD', 'RESEARCHER_VIEW', 'UNIT_VIEW']::usage_event_kind[])[u.kind],
            timestamptz 'epoch' + u.ms * interval '1 millisecond',
            u.item, u.file, u.researcher, u.unit, u.visitor, u.country, u.robot, u.counted, u.referrer
       FROM unnest(string_to_array($2, ',')::int[],
                   string_to_array($3, ',')::bigint[],
                   string_to_array($4, ',', '')::int[],
                   string_to_array($5, ',', '')::int[],
                   string_to_array($6, ',', '')::int[],
                   string_to_array($7, ',', '')::int[],
                   string_to_array($8, ',', ''),
                   string_to_array($9, ',', ''),
                   string_to_array($10, ',')::boolean[],
                   string_to_array($11, ',')::boolean[],
                   string_to_array($12, ',', ''))
            WITH ORDINALITY AS u(kind, ms, item, file, researcher, unit, visitor, country, robot, counted, referrer, n)`,
    [
      firstId,
      join((e) => e.kind),
      join((e) => e.t),
      join((e) => (e.item ? e.item : "")),
      join((e) => (e.file ? e.file : "")),
      join((e) => (e.researcher ? e.researcher : "")),
      join((e) => (e.unit ? e.unit : "")),
      join((e) => e.visitor),
      join((e) => e.country),
      join((e) => (e.robot ? "t" : "f")),
      join((e) => (e.counted ? "t" : "f")),
      join((e) => e.referrer),
    ],
  );
}
