// The institute's researchers: Korean names with romanised display forms and variants, positions
// in English and Korean, units, e-mail addresses, ORCIDs with valid check digits, biographies and
// research interests in both languages. "Koo, Ja Wook" of the seed record is always among them.
import { formatOrcid, slugify } from "./identifiers";
import { buildKoreanName, KOREAN_AFFILIATIONS, koreanName, FOREIGN_AFFILIATIONS, type KoreanName } from "./names";
import type { Random } from "./random";
import { cap, josa } from "./text";
import type { Term } from "./vocabulary";
import type { GroupRuntime, UnitRuntime } from "./structure";

export type ResearcherSeed = {
  id: number;
  slug: string;
  displayName: string;
  familyName: string;
  givenName: string;
  nameVariants: string[];
  position: string;
  altPosition: string;
  primaryUnitId: number;
  email: string;
  showEmail: boolean;
  orcid: string | null;
  scopusId: string | null;
  researcherIdWos: string | null;
  photoKey: string | null;
  biography: string | null;
  altBiography: string | null;
  researchInterests: string[];
  links: { label: string; url: string }[] | null;
  createdAt: Date;
  /** Units besides the primary one, with the role held there. */
  memberships: { unitId: number; role: string }[];
  /** The groups whose items this researcher writes (the primary group first). */
  groups: GroupRuntime[];
  /** How often the researcher appears on the group's papers. */
  weight: number;
};

type PositionSpec = { en: string; ko: string; weight: number; senior: boolean };

const PRINCIPAL: PositionSpec = { en: "Principal Researcher", ko: "책임연구원", weight: 3, senior: true };
const SENIOR: PositionSpec = { en: "Senior Researcher", ko: "선임연구원", weight: 2, senior: true };
const RESEARCHER: PositionSpec = { en: "Researcher", ko: "연구원", weight: 1.3, senior: false };
const POSTDOC: PositionSpec = { en: "Postdoctoral Researcher", ko: "박사후연구원", weight: 1, senior: false };
const RESEARCH_PROFESSOR: PositionSpec = { en: "Research Professor", ko: "연구교수", weight: 1.2, senior: false };
const SENIOR_POLICY: PositionSpec = { en: "Senior Policy Researcher", ko: "선임정책연구원", weight: 2, senior: true };
const POLICY: PositionSpec = { en: "Policy Researcher", ko: "정책연구원", weight: 1.2, senior: false };

/** Names on the seed record that belong to people outside the directory. */
const RESERVED_NAMES = new Set(["Kim, Jeongseop", "Kim, Tae-Eun", "Lee, Seung-Hwan", "Koo, Ja Wook"]);

export const KOO = {
  slug: "koo-ja-wook",
  displayName: "Koo, Ja Wook",
  hangul: "구자욱",
};

export type ResearcherContext = {
  count: number;
  groups: GroupRuntime[];
  divisions: UnitRuntime[];
  policyCenter: GroupRuntime;
  /** The group of the seed item (정서·인지 질환 연구그룹). */
  seedGroup: GroupRuntime;
  today: Date;
};

export function generateResearchers(random: Random, ctx: ResearcherContext): ResearcherSeed[] {
  const out: ResearcherSeed[] = [];
  const slugs = new Set<string>();
  const emails = new Set<string>();
  const orcids = new Set<string>();
  const names = new Set<string>(RESERVED_NAMES);

  const newName = (): KoreanName => {
    for (;;) {
      const name = koreanName(random);
      if (!names.has(name.display) && !slugs.has(slugify(name.display))) {
        names.add(name.display);
        return name;
      }
    }
  };

  const add = (name: KoreanName, position: PositionSpec, primary: GroupRuntime | UnitRuntime, groups: GroupRuntime[], r: Random, extra: { role?: string; fixedSlug?: string } = {}) => {
    const slug = extra.fixedSlug ?? slugify(name.display);
    slugs.add(slug);
    const id = out.length + 1;
    const email = uniqueEmail(name, emails, r);
    const orcid = r.chance(position.senior ? 0.9 : 0.6) || extra.fixedSlug ? uniqueOrcid(r, orcids) : null;
    const profileGroup = groups[0];
    const interests = r.sample(
      [...profileGroup.profile.processes, ...profileGroup.profile.conditions, ...profileGroup.profile.methods],
      r.int(3, 5),
    );
    const hasBio = extra.fixedSlug !== undefined || r.chance(position.senior ? 0.9 : 0.6);
    const bio = hasBio ? biography(r, name, position, groups[0], interests, ctx.today.getUTCFullYear()) : null;
    const created = new Date(ctx.today.getTime() - (800 + r.int(0, 400)) * 86_400_000 + id * 60_000);
    out.push({
      id,
      slug,
      displayName: name.display,
      familyName: name.family,
      givenName: name.given,
      nameVariants: name.variants,
      position: position.en,
      altPosition: position.ko,
      primaryUnitId: primary.id,
      email,
      showEmail: position.senior ? r.chance(0.8) : r.chance(0.4),
      orcid,
      scopusId: r.chance(position.senior ? 0.7 : 0.35) ? `5${r.digits(10)}` : null,
      researcherIdWos: r.chance(position.senior ? 0.4 : 0.15)
        ? `${String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25), 65 + r.int(0, 25))}-${r.digits(4)}-${r.int(2012, ctx.today.getUTCFullYear() - 1)}`
        : null,
      photoKey: null,
      biography: bio?.en ?? null,
      altBiography: bio?.ko ?? null,
      researchInterests: interests.map((t) => `${cap(t.keyword ?? t.en)} (${t.ko})`),
      links: position === PRINCIPAL || (extra.role ?? "").includes("Director")
        ? [
            { label: "Lab website", url: `https://www.kbri.example/labs/${slug}` },
            ...(r.chance(0.6) ? [{ label: "Google Scholar", url: `https://scholar.google.com/citations?user=${r.hex(12)}` }] : []),
          ]
        : r.chance(0.2)
          ? [{ label: "Google Scholar", url: `https://scholar.google.com/citations?user=${r.hex(12)}` }]
          : null,
      createdAt: created,
      memberships: [{ unitId: primary.id, role: extra.role ?? (position === PRINCIPAL ? "Group Leader" : "Member") }],
      groups,
      weight: position.weight,
    });
    return out[out.length - 1];
  };

  // Koo, Ja Wook: the related researcher of the seed item, leader of its group.
  const koo = add(buildKoreanName("구", "Koo", [["자", "ja"], ["욱", "wook"]], "space"), PRINCIPAL, ctx.seedGroup, [ctx.seedGroup], random.fork("koo"), {
    fixedSlug: KOO.slug,
    role: "Group Leader",
  });
  koo.email = "jwkoo@kbri.example";
  koo.showEmail = true;
  koo.weight = 4;
  // A real person's name: no invented identifiers that could be taken for theirs.
  koo.orcid = null;
  koo.scopusId = null;
  koo.researcherIdWos = null;
  koo.biography =
    "Ja Wook Koo is a principal researcher and leader of the Emotional and Cognitive Disorders Research Group at the Korea Brain Research Institute. " +
    "His laboratory studies how chronic stress changes the reward circuitry of the brain, why some patients do not respond to antidepressants, " +
    "and how rapid-acting antidepressants such as ketamine act through glutamate signalling and neurotrophic factors.";
  koo.altBiography =
    "구자욱 책임연구원은 한국뇌연구원 정서·인지 질환 연구그룹을 이끌고 있다. 만성 스트레스가 뇌의 보상회로를 어떻게 변화시키는지, " +
    "일부 환자가 항우울제에 반응하지 않는 이유는 무엇인지, 그리고 케타민과 같은 속효성 항우울제가 글루탐산 신호와 신경영양인자를 통해 어떻게 작용하는지 연구한다.";
  koo.researchInterests = [
    "Depression (우울증)",
    "Treatment-resistant depression (치료저항성 우울증)",
    "Stress resilience (스트레스 회복탄력성)",
    "Reward circuits (보상회로)",
    "Epigenetics (후성유전학)",
  ];

  // One director per division, holding a joint appointment in one of its groups.
  for (const division of ctx.divisions) {
    const groups = ctx.groups.filter((g) => g.parentId === division.id);
    const home = random.pick(groups);
    const r = random.fork(`director:${division.slug}`);
    const director = add(newName(), { ...PRINCIPAL, weight: 2 }, division, [home], r, {
      role: `Director, ${division.name}`,
    });
    director.position = "Principal Researcher";
    director.altPosition = `책임연구원, ${division.altName}장`;
    director.memberships.push({ unitId: home.id, role: "Joint appointment" });
  }

  // Everyone else, spread over the research groups and the policy center by their share of the
  // output. Each gets a leader first (the seed group has Koo).
  const homes = [...ctx.groups, ctx.policyCenter];
  const remaining = Math.max(0, ctx.count - out.length);
  const totalWeight = homes.reduce((s, g) => s + g.spec.weight, 0);
  const quota = homes.map((g) => (remaining * g.spec.weight) / totalWeight);
  const counts = quota.map(Math.floor);
  let left = remaining - counts.reduce((a, b) => a + b, 0);
  const byFraction = quota.map((q, i) => [i, q - Math.floor(q)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [i] of byFraction) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  homes.forEach((group, gi) => {
    const r = random.fork(`group:${group.slug}`);
    const policy = group === ctx.policyCenter;
    for (let k = 0; k < counts[gi]; k++) {
      const needsLeader = k === 0 && group !== ctx.seedGroup;
      const position = policy
        ? needsLeader
          ? SENIOR_POLICY
          : r.weighted([
              [SENIOR_POLICY, 1],
              [POLICY, 2],
            ] as const)
        : needsLeader
          ? PRINCIPAL
          : r.weighted([
              [PRINCIPAL, 1],
              [SENIOR, 3],
              [RESEARCHER, 2.5],
              [POSTDOC, 3],
              [RESEARCH_PROFESSOR, 0.5],
            ] as const);
      const person = add(newName(), position, group, [group], r, { role: needsLeader ? (policy ? "Head" : "Group Leader") : undefined });
      // Some hold a second appointment in another group and write its papers too.
      if (!policy && r.chance(0.15)) {
        const other = r.pick(ctx.groups.filter((g) => g !== group));
        person.memberships.push({ unitId: other.id, role: "Joint appointment" });
        person.groups.push(other);
      }
    }
  });
  return out;
}

function uniqueEmail(name: KoreanName, taken: Set<string>, r: Random): string {
  const given = name.given.toLowerCase().replace(/[^a-z]/g, "");
  const initials = name.given
    .split(/[- ]/)
    .map((p) => p[0]?.toLowerCase() ?? "")
    .join("");
  const family = name.family.toLowerCase();
  const base = r.chance(0.5) ? `${initials}${family}` : `${given}.${family}`;
  let local = base;
  for (let n = 2; taken.has(local); n++) local = `${base}${n}`;
  taken.add(local);
  return `${local}@kbri.example`;
}

function uniqueOrcid(r: Random, taken: Set<string>): string {
  for (;;) {
    const orcid = formatOrcid(`0000000${r.int(1, 3)}${r.digits(7)}`);
    if (!taken.has(orcid)) {
      taken.add(orcid);
      return orcid;
    }
  }
}

const FIELDS: { en: string; ko: string }[] = [
  { en: "neuroscience", ko: "신경과학" },
  { en: "molecular biology", ko: "분자생물학" },
  { en: "pharmacology", ko: "약리학" },
  { en: "brain and cognitive sciences", ko: "뇌인지과학" },
  { en: "biomedical engineering", ko: "의공학" },
  { en: "life sciences", ko: "생명과학" },
];

const KOREAN_UNIVERSITY_NAMES: Record<string, string> = {
  "Seoul National University": "서울대학교",
  "Korea Advanced Institute of Science and Technology (KAIST)": "한국과학기술원",
  "Yonsei University": "연세대학교",
  "Korea University": "고려대학교",
  "Kyungpook National University": "경북대학교",
  "Pohang University of Science and Technology (POSTECH)": "포항공과대학교",
  "Sungkyunkwan University": "성균관대학교",
  "Hanyang University": "한양대학교",
};

function biography(
  r: Random,
  name: KoreanName,
  position: PositionSpec,
  group: GroupRuntime,
  interests: Term[],
  thisYear: number,
): { en: string; ko: string } {
  const universities = KOREAN_AFFILIATIONS.filter((a) => a in KOREAN_UNIVERSITY_NAMES);
  const university = r.pick(universities);
  const field = r.pick(FIELDS);
  const abroad = r.pick(FOREIGN_AFFILIATIONS.western.concat(FOREIGN_AFFILIATIONS.japanese));
  const abroadShort = abroad.split(",")[0];
  const phdYear = position.senior ? r.int(thisYear - 26, thisYear - 12) : r.int(thisYear - 10, thisYear - 3);
  const joined = Math.min(phdYear + (position.senior ? r.int(3, 8) : r.int(0, 2)), thisYear - 1);
  const [a, b = interests[0]] = interests;
  const en =
    `${name.western} is a ${position.en.toLowerCase()} in the ${group.spec.name} at the Korea Brain Research Institute. ` +
    `Dr ${name.family} received a PhD in ${field.en} from ${university} in ${phdYear}` +
    (position.senior ? ` and was a postdoctoral fellow at ${abroadShort} before joining KBRI in ${joined}. ` : ` and joined KBRI in ${joined}. `) +
    `Dr ${name.family}'s work focuses on ${a.en} and ${b.en}, ` +
    `combining ${group.profile.methods[0].en} with ${group.profile.methods[1]?.en ?? "behavioural analysis"}.`;
  const ko =
    `${name.hangul} ${josa(position.ko, "은/는")} 한국뇌연구원 ${group.spec.altName} 소속이다. ` +
    `${KOREAN_UNIVERSITY_NAMES[university]}에서 ${field.ko} 박사학위를 받았으며(${phdYear}), ` +
    (position.senior ? `${abroadShort}에서 박사후연구원으로 근무한 뒤 ${joined}년 한국뇌연구원에 합류하였다. ` : `${joined}년 한국뇌연구원에 합류하였다. `) +
    `주요 연구 주제는 ${josa(a.ko, "과/와")} ${b.ko}이다.`;
  return { en, ko };
}
