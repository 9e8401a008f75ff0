// Where the demonstration items were published: journals (with ISSNs whose check digits are
// computed, not typed), conferences, book publishers and funders.
import { issnFromDigits } from "./identifiers";

export type Journal = {
  /** As the record carries it: Web of Science imports keep the upper-case form, like the seed's. */
  title: string;
  publisher: string;
  issn: string;
  eissn?: string;
  /** Volume number in the year 2000, and volumes per year. */
  volumeBase: number;
  volumesPerYear: number;
  issuesPerYear: number;
  /** Online-only journals number articles instead of pages. */
  articleNumbers?: boolean;
  language?: "ko";
  weight: number;
};

const j = (
  title: string,
  publisher: string,
  issnStem: string,
  eissnStem: string | null,
  volumeBase: number,
  issuesPerYear: number,
  weight: number,
  extra: Partial<Journal> = {},
): Journal => ({
  title,
  publisher,
  issn: issnFromDigits(issnStem),
  eissn: eissnStem ? issnFromDigits(eissnStem) : undefined,
  volumeBase,
  volumesPerYear: 1,
  issuesPerYear,
  weight,
  ...extra,
});

export const JOURNALS: Journal[] = [
  j("Experimental Neurobiology", "Korean Society for Brain and Neural Sciences", "1226256", "2093814", 9, 6, 6),
  j("Molecules and Cells", "Korean Society for Molecular and Cellular Biology", "1016847", "0219103", 10, 12, 4),
  j("Experimental & Molecular Medicine", "Springer Nature", "1226361", "2092641", 32, 12, 4),
  j("CLINICAL PSYCHOPHARMACOLOGY AND NEUROSCIENCE", "KOREAN COLL NEUROPSYCHOPHARMACOLOGY", "1738108", "2093439", -2, 4, 3),
  j("Journal of Neuroscience", "Society for Neuroscience", "0270647", "1529240", 20, 52, 6, { volumesPerYear: 1 }),
  j("NEURON", "CELL PRESS", "0896627", "1097419", 25, 24, 3, { volumesPerYear: 4 }),
  j("Nature Neuroscience", "Nature Portfolio", "1097625", "1546172", 3, 12, 1.5),
  j("MOLECULAR PSYCHIATRY", "SPRINGERNATURE", "1359418", "1476557", 5, 12, 3),
  j("Biological Psychiatry", "Elsevier", "0006322", "1873240", 47, 24, 3, { volumesPerYear: 2 }),
  j("Translational Psychiatry", "Springer Nature", "2158318", null, -9, 1, 3, { articleNumbers: true }),
  j("Nature Communications", "Nature Portfolio", "2041172", null, -8, 1, 2.5, { articleNumbers: true }),
  j("SCIENTIFIC REPORTS", "NATURE PORTFOLIO", "2045232", null, -10, 1, 4, { articleNumbers: true }),
  j("eLife", "eLife Sciences Publications", "2050084", null, -11, 1, 2, { articleNumbers: true }),
  j("Cell Reports", "Cell Press", "2211124", null, -11, 52, 2.5, { volumesPerYear: 4 }),
  j("Proceedings of the National Academy of Sciences of the United States of America", "National Academy of Sciences", "0027842", "1091649", 97, 52, 2),
  j("GLIA", "WILEY", "0894149", "1098113", 29, 12, 2),
  j("Brain, Behavior, and Immunity", "Academic Press", "0889159", "1090213", 14, 8, 2),
  j("Neuropsychopharmacology", "Springer Nature", "0893133", "1740634", 22, 13, 2.5),
  j("Journal of Neuroinflammation", "BioMed Central", "1742209", null, -3, 1, 2, { articleNumbers: true }),
  j("Acta Neuropathologica", "Springer", "0001632", "1432053", 99, 12, 1),
  j("Molecular Neurodegeneration", "BioMed Central", "1750132", null, -5, 1, 1.5, { articleNumbers: true }),
  j("NEUROIMAGE", "ACADEMIC PRESS INC ELSEVIER SCIENCE", "1053811", "1095957", 11, 24, 2.5, { volumesPerYear: 12 }),
  j("Human Brain Mapping", "Wiley", "1065947", "1097019", 9, 18, 1.5),
  j("Frontiers in Neuroscience", "Frontiers Media SA", "1662453", null, -6, 1, 3, { articleNumbers: true }),
  j("Frontiers in Cellular Neuroscience", "Frontiers Media SA", "1662510", null, -6, 1, 2.5, { articleNumbers: true }),
  j("International Journal of Molecular Sciences", "MDPI", "1422006", null, 1, 24, 3, { articleNumbers: true }),
  j("Neurobiology of Disease", "Academic Press", "0969996", "1095953", 7, 12, 1.5),
  j("Pain", "Lippincott Williams & Wilkins", "0304395", "1872676", 84, 12, 1),
  j("Sleep", "Oxford University Press", "0161810", "1550910", 23, 12, 1),
  j("Biomolecules & Therapeutics", "Korean Society of Applied Pharmacology", "1976933", "2005448", 8, 6, 1.5),
  j("Journal of Korean Neuropsychiatric Association", "대한신경정신의학회", "1015431", "2289090", 39, 4, 1.5, { language: "ko" }),
  j("Korean Journal of Biological Psychiatry", "대한생물정신의학회", "1225817", "2508160", 7, 4, 1, { language: "ko" }),
  j("대한치매학회지", "대한치매학회", "1738149", "2384063", -5, 4, 0.8, { language: "ko" }),
];

export type Conference = { name: string; shortName: string; places: string[]; publisher?: string; ko?: boolean };

export const CONFERENCES: Conference[] = [
  {
    name: "Annual Meeting of the Society for Neuroscience",
    shortName: "SfN",
    places: ["Chicago, IL, USA", "San Diego, CA, USA", "Washington, DC, USA", "Chicago, IL, USA"],
  },
  { name: "FENS Forum of Neuroscience", shortName: "FENS", places: ["Berlin, Germany", "Copenhagen, Denmark", "Paris, France", "Vienna, Austria"] },
  {
    name: "Annual Meeting of the Korean Society for Brain and Neural Sciences",
    shortName: "KSBNS",
    places: ["Seoul, Korea", "Daegu, Korea", "Busan, Korea", "Incheon, Korea"],
    ko: true,
  },
  { name: "Annual Conference of the Korean Society for Molecular and Cellular Biology", shortName: "KSMCB", places: ["Seoul, Korea"], ko: true },
  { name: "Organization for Human Brain Mapping Annual Meeting", shortName: "OHBM", places: ["Singapore", "Montreal, Canada", "Seoul, Korea", "Glasgow, UK"] },
  { name: "Conference on Neural Information Processing Systems", shortName: "NeurIPS", places: ["Vancouver, Canada", "New Orleans, LA, USA"], publisher: "Curran Associates" },
  { name: "Federation of Asian-Oceanian Neuroscience Societies Congress", shortName: "FAONS", places: ["Daegu, Korea", "Kyoto, Japan", "Taipei, Taiwan"] },
  { name: "Alzheimer's Association International Conference", shortName: "AAIC", places: ["Amsterdam, Netherlands", "Los Angeles, CA, USA", "Philadelphia, PA, USA"] },
  { name: "Annual Meeting of the American College of Neuropsychopharmacology", shortName: "ACNP", places: ["Hollywood, FL, USA", "Phoenix, AZ, USA"] },
  { name: "International Brain Research Organization World Congress", shortName: "IBRO", places: ["Daegu, Korea", "Granada, Spain", "Kyoto, Japan"] },
];

export const BOOK_PUBLISHERS: { name: string; place: string; isbnGroup: string; registrant: string; ko?: boolean }[] = [
  { name: "Springer", place: "Cham", isbnGroup: "3", registrant: "030" },
  { name: "Academic Press", place: "London", isbnGroup: "0", registrant: "12" },
  { name: "Elsevier", place: "Amsterdam", isbnGroup: "0", registrant: "323" },
  { name: "Humana Press", place: "New York", isbnGroup: "1", registrant: "0716" },
  { name: "Oxford University Press", place: "Oxford", isbnGroup: "0", registrant: "19" },
  { name: "범문에듀케이션", place: "서울", isbnGroup: "89", registrant: "5566", ko: true },
  { name: "대한의학서적", place: "서울", isbnGroup: "89", registrant: "9433", ko: true },
  { name: "한국뇌연구원", place: "대구", isbnGroup: "89", registrant: "98765", ko: true },
];

export type Funder = { name: string; award: (year: number, digits: () => string) => string; weight: number };

export const FUNDERS: Funder[] = [
  {
    name: "National Research Foundation of Korea (NRF)",
    award: (y, d) => `NRF-${y}R1A2C${1 + (Number(d().slice(0, 1)) % 3)}${d().slice(0, 7)}`,
    weight: 6,
  },
  { name: "National Research Foundation of Korea (NRF)", award: (y, d) => `${y}M3C7A1${d().slice(0, 6)}`, weight: 2 },
  { name: "KBRI Basic Research Program through Korea Brain Research Institute, Ministry of Science and ICT", award: (y, d) => `${String(y).slice(2)}-BR-0${1 + (Number(d().slice(0, 1)) % 5)}-0${1 + (Number(d().slice(1, 2)) % 6)}`, weight: 7 },
  { name: "Korea Health Industry Development Institute (KHIDI)", award: (y, d) => `HI${String(y).slice(2)}C${d().slice(0, 4)}`, weight: 2 },
  { name: "Korea Dementia Research Center (KDRC)", award: (y, d) => `HU${String(y).slice(2)}C${d().slice(0, 4)}`, weight: 1 },
  { name: "Institute for Information & Communications Technology Planning & Evaluation (IITP)", award: (y, d) => `${y}-0-${d().slice(0, 5)}`, weight: 1 },
];

export const CC_BY = "https://creativecommons.org/licenses/by/4.0/";
export const CC_BY_NC = "https://creativecommons.org/licenses/by-nc/4.0/";

export const UNIVERSITIES_FOR_THESES = [
  { en: "Kyungpook National University", ko: "경북대학교" },
  { en: "Daegu Gyeongbuk Institute of Science and Technology (DGIST)", ko: "대구경북과학기술원" },
  { en: "Keimyung University", ko: "계명대학교" },
  { en: "University of Science and Technology (UST), KBRI School", ko: "과학기술연합대학원대학교 한국뇌연구원 스쿨" },
];
