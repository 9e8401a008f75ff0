// Personal names for researchers and external co-authors: Korean names with their Hangul and the
// romanisations seen in citations ("Kim, Jeongseop", "Kim, Tae-Eun", "Koo, Ja Wook"), and
// international names with affiliations.
import type { Random } from "./random";

type Syllable = readonly [hangul: string, roman: string];

/** Family names, weighted roughly by how common they are. */
const FAMILY: readonly (readonly [Syllable, number])[] = [
  [["김", "Kim"], 21],
  [["이", "Lee"], 15],
  [["박", "Park"], 8.5],
  [["최", "Choi"], 4.7],
  [["정", "Jung"], 4.4],
  [["강", "Kang"], 2.4],
  [["조", "Cho"], 2.1],
  [["윤", "Yoon"], 2.1],
  [["장", "Jang"], 2],
  [["임", "Lim"], 1.7],
  [["한", "Han"], 1.5],
  [["오", "Oh"], 1.5],
  [["서", "Seo"], 1.5],
  [["신", "Shin"], 1.5],
  [["권", "Kwon"], 1.4],
  [["황", "Hwang"], 1.4],
  [["안", "Ahn"], 1.4],
  [["송", "Song"], 1.3],
  [["전", "Jeon"], 1.3],
  [["홍", "Hong"], 1.1],
  [["유", "Yoo"], 1.1],
  [["고", "Ko"], 0.9],
  [["문", "Moon"], 0.9],
  [["양", "Yang"], 0.9],
  [["손", "Son"], 0.9],
  [["배", "Bae"], 0.8],
  [["백", "Baek"], 0.8],
  [["허", "Heo"], 0.6],
  [["남", "Nam"], 0.5],
  [["심", "Shim"], 0.5],
  [["노", "Noh"], 0.5],
  [["하", "Ha"], 0.45],
  [["곽", "Kwak"], 0.4],
  [["성", "Sung"], 0.4],
  [["차", "Cha"], 0.4],
  [["주", "Joo"], 0.4],
  [["우", "Woo"], 0.4],
  [["구", "Koo"], 0.4],
  [["민", "Min"], 0.35],
  [["류", "Ryu"], 0.35],
  [["나", "Na"], 0.3],
  [["진", "Jin"], 0.3],
  [["지", "Ji"], 0.3],
  [["엄", "Eom"], 0.3],
  [["채", "Chae"], 0.25],
  [["원", "Won"], 0.25],
  [["천", "Cheon"], 0.2],
  [["방", "Bang"], 0.2],
  [["변", "Byun"], 0.2],
];

const GIVEN: readonly Syllable[] = [
  ["민", "min"], ["준", "jun"], ["서", "seo"], ["연", "yeon"], ["지", "ji"], ["현", "hyun"], ["수", "su"],
  ["영", "young"], ["진", "jin"], ["우", "woo"], ["호", "ho"], ["은", "eun"], ["혜", "hye"], ["성", "sung"],
  ["재", "jae"], ["희", "hee"], ["경", "kyung"], ["동", "dong"], ["상", "sang"], ["태", "tae"], ["정", "jeong"],
  ["윤", "yoon"], ["승", "seung"], ["하", "ha"], ["주", "ju"], ["원", "won"], ["석", "seok"], ["용", "yong"],
  ["미", "mi"], ["나", "na"], ["도", "do"], ["유", "yu"], ["혁", "hyuk"], ["훈", "hoon"], ["빈", "bin"],
  ["규", "kyu"], ["인", "in"], ["선", "sun"], ["예", "ye"], ["소", "so"], ["다", "da"], ["한", "han"],
  ["기", "ki"], ["명", "myung"], ["범", "beom"], ["찬", "chan"], ["철", "cheol"], ["욱", "wook"], ["섭", "seop"],
  ["환", "hwan"], ["혼", "hon"], ["아", "a"], ["라", "ra"], ["린", "rin"], ["솔", "sol"], ["별", "byul"],
  ["건", "geon"], ["형", "hyung"], ["창", "chang"], ["일", "il"], ["광", "kwang"], ["보", "bo"], ["세", "se"],
];

export type KoreanName = {
  family: string;
  given: string;
  hangul: string;
  /** "Family, Given" as printed in citations. */
  display: string;
  /** "Given Family". */
  western: string;
  /** "Family, G.-G." */
  initials: string;
  variants: string[];
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A Korean name in one of the three romanisation styles of Korean bylines: joined
 * ("Jeongseop"), hyphenated ("Tae-Eun") or spaced ("Ja Wook").
 */
export function koreanName(random: Random): KoreanName {
  const [familyHangul, family] = random.weighted(FAMILY);
  const single = random.chance(0.04);
  const first = random.pick(GIVEN);
  let second = random.pick(GIVEN);
  while (second === first) second = random.pick(GIVEN);
  const parts: Syllable[] = single ? [first] : [first, second];
  const style = random.weighted([
    ["joined", 5],
    ["hyphen", 4],
    ["space", 1.5],
  ] as const);
  return buildKoreanName(familyHangul, family, parts, style);
}

export function buildKoreanName(
  familyHangul: string,
  family: string,
  parts: readonly Syllable[],
  style: "joined" | "hyphen" | "space",
): KoreanName {
  const romans = parts.map(([, r]) => r);
  const given =
    style === "joined"
      ? capitalise(romans.join(""))
      : romans.map(capitalise).join(style === "hyphen" ? "-" : " ");
  const hangul = familyHangul + parts.map(([h]) => h).join("");
  const initials = `${family}, ${romans.map((r) => `${r[0].toUpperCase()}.`).join(style === "hyphen" ? "-" : "")}`;
  const display = `${family}, ${given}`;
  const western = `${given} ${family}`;
  // Other spellings a search should still find: the other romanisation styles and initials.
  const alternatives = new Set<string>([
    hangul,
    western,
    initials,
    `${family} ${romans.map((r) => r[0].toUpperCase()).join("")}`,
    `${family}, ${romans.map(capitalise).join(style === "hyphen" ? " " : "-")}`,
  ]);
  alternatives.delete(display);
  return { family, given, hangul, display, western, initials, variants: [...alternatives] };
}

const WESTERN_GIVEN = [
  "James", "Sarah", "Michael", "Emily", "David", "Laura", "Thomas", "Anna", "Daniel", "Julia", "Matthew",
  "Sophie", "Christopher", "Hannah", "Andrew", "Claire", "Peter", "Elena", "Marco", "Lucia", "Jonas", "Lena",
  "Pierre", "Camille", "Lars", "Ingrid", "Rafael", "Ana", "Oliver", "Charlotte",
];
const WESTERN_FAMILY = [
  "Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
  "Moore", "Martin", "Clark", "Walker", "Young", "Allen", "Wright", "Scott", "Green", "Baker", "Müller",
  "Schmidt", "Fischer", "Weber", "Rossi", "Bianchi", "Dubois", "Laurent", "García", "Fernández", "Nielsen",
  "Johansson", "O'Connor", "Murphy", "Novak",
];
const CHINESE_FAMILY = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun"];
const CHINESE_GIVEN = ["Wei", "Fang", "Lei", "Jing", "Yan", "Hao", "Xiaoming", "Yuqing", "Jian", "Ling", "Chen", "Yifan"];
const JAPANESE_FAMILY = ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato"];
const JAPANESE_GIVEN = ["Hiroshi", "Takeshi", "Yuki", "Kenji", "Aiko", "Naoko", "Satoshi", "Haruka", "Daisuke", "Megumi"];

export const KOREAN_AFFILIATIONS = [
  "Seoul National University",
  "Korea Advanced Institute of Science and Technology (KAIST)",
  "Yonsei University",
  "Korea University",
  "Kyungpook National University",
  "Daegu Gyeongbuk Institute of Science and Technology (DGIST)",
  "Pohang University of Science and Technology (POSTECH)",
  "Sungkyunkwan University",
  "Ulsan National Institute of Science and Technology (UNIST)",
  "Institute for Basic Science (IBS)",
  "Korea Institute of Science and Technology (KIST)",
  "Hanyang University",
  "Inje University Ilsan Paik Hospital",
  "Asan Medical Center",
  "Samsung Medical Center",
  "Keimyung University",
  "Chonnam National University",
  "Ewha Womans University",
];

export const FOREIGN_AFFILIATIONS: Record<string, string[]> = {
  western: [
    "Icahn School of Medicine at Mount Sinai, New York, USA",
    "Massachusetts Institute of Technology, Cambridge, USA",
    "Stanford University, Stanford, USA",
    "University of California, San Francisco, USA",
    "University College London, London, UK",
    "University of Oxford, Oxford, UK",
    "Max Planck Institute for Brain Research, Frankfurt, Germany",
    "Karolinska Institutet, Stockholm, Sweden",
    "Institut Pasteur, Paris, France",
    "McGill University, Montreal, Canada",
    "University of Melbourne, Melbourne, Australia",
    "Université de Genève, Geneva, Switzerland",
  ],
  chinese: ["Peking University, Beijing, China", "Fudan University, Shanghai, China", "Chinese Academy of Sciences, Shanghai, China"],
  japanese: ["RIKEN Center for Brain Science, Wako, Japan", "University of Tokyo, Tokyo, Japan", "Kyoto University, Kyoto, Japan"],
};

export type ExternalPerson = { name: string; affiliation: string };

/** A co-author from outside the institute: Korean (most often) or international. */
export function externalPerson(random: Random): ExternalPerson {
  const origin = random.weighted([
    ["korean", 62],
    ["western", 22],
    ["chinese", 9],
    ["japanese", 7],
  ] as const);
  if (origin === "korean") {
    const affiliation = random.chance(0.12) ? "Korea Brain Research Institute" : random.pick(KOREAN_AFFILIATIONS);
    return { name: koreanName(random).display, affiliation };
  }
  const affiliation = random.pick(FOREIGN_AFFILIATIONS[origin]);
  if (origin === "chinese") return { name: `${random.pick(CHINESE_FAMILY)}, ${random.pick(CHINESE_GIVEN)}`, affiliation };
  if (origin === "japanese") return { name: `${random.pick(JAPANESE_FAMILY)}, ${random.pick(JAPANESE_GIVEN)}`, affiliation };
  const middle = random.chance(0.35) ? ` ${String.fromCharCode(65 + random.int(0, 25))}.` : "";
  return { name: `${random.pick(WESTERN_FAMILY)}, ${random.pick(WESTERN_GIVEN)}${middle}`, affiliation };
}
