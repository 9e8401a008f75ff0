// The demonstration institute, modelled on the seed record's (Korea Brain Research Institute):
// the unit tree, each research group's field, and the DSpace-CRIS-style collections of each group.
import type { ItemType } from "../generated/prisma/enums";
import type { TopicProfile } from "./vocabulary";

export type ItemTypeName = ItemType;

export type CollectionKind = {
  key: string;
  name: string;
  altName: string;
  description: string;
  altDescription: string;
  types: ItemTypeName[];
};

/** The collections a research group may hold, in DSpace-CRIS order. */
export const COLLECTION_KINDS: CollectionKind[] = [
  {
    key: "articles",
    name: "1. Journal Articles",
    altName: "1. 학술지 논문",
    description: "Peer-reviewed articles and reviews published in scholarly journals.",
    altDescription: "학술지에 게재된 심사 논문과 리뷰 논문입니다.",
    types: ["JOURNAL_ARTICLE"],
  },
  {
    key: "conference-papers",
    name: "2. Conference Papers",
    altName: "2. 학술대회 논문",
    description: "Papers and abstracts presented at scientific conferences.",
    altDescription: "국내외 학술대회에서 발표된 논문과 초록입니다.",
    types: ["CONFERENCE_PAPER"],
  },
  {
    key: "books",
    name: "3. Books and Chapters",
    altName: "3. 저서 및 장",
    description: "Monographs, edited volumes and book chapters.",
    altDescription: "단행본, 편저 및 단행본 수록 장입니다.",
    types: ["BOOK", "BOOK_CHAPTER"],
  },
  {
    key: "reports",
    name: "4. Reports",
    altName: "4. 연구보고서",
    description: "Research reports, technical reports and other outputs.",
    altDescription: "연구보고서, 기술보고서 및 기타 연구성과물입니다.",
    types: ["REPORT", "OTHER"],
  },
  {
    key: "theses",
    name: "5. Theses",
    altName: "5. 학위논문",
    description: "Doctoral and master's theses supervised in the group.",
    altDescription: "연구그룹에서 지도한 박사 및 석사 학위논문입니다.",
    types: ["THESIS"],
  },
  {
    key: "datasets",
    name: "6. Datasets",
    altName: "6. 연구데이터",
    description: "Research data sets with their documentation.",
    altDescription: "연구데이터와 그 설명 자료입니다.",
    types: ["DATASET"],
  },
  {
    key: "patents",
    name: "7. Patents",
    altName: "7. 특허",
    description: "Patent applications and granted patents.",
    altDescription: "출원 및 등록 특허입니다.",
    types: ["PATENT"],
  },
  {
    key: "presentations",
    name: "8. Presentations",
    altName: "8. 발표자료",
    description: "Invited talks, posters and seminar slides.",
    altDescription: "초청 강연, 포스터 및 세미나 발표자료입니다.",
    types: ["PRESENTATION"],
  },
];

export type GroupSpec = {
  name: string;
  altName: string;
  description: string;
  altDescription: string;
  /** Collection kinds (keys of COLLECTION_KINDS) this group holds. */
  collections: string[];
  profile: TopicProfile;
  /** Relative share of the institute's output. */
  weight: number;
};

export type DivisionSpec = {
  name: string;
  altName: string;
  description: string;
  altDescription: string;
  groups: GroupSpec[];
};

const ALL = COLLECTION_KINDS.map((k) => k.key);
const CORE = ["articles", "conference-papers", "books", "reports", "datasets", "presentations"];

export const INSTITUTE = {
  name: "Korea Brain Research Institute",
  altName: "한국뇌연구원",
  description:
    "The Korea Brain Research Institute (KBRI) is a government-funded research institute in Daegu dedicated to understanding the brain, " +
    "overcoming brain disorders and building the infrastructure Korean neuroscience depends on.",
  altDescription:
    "한국뇌연구원은 대구에 위치한 정부출연연구기관으로, 뇌의 이해와 뇌질환 극복, 그리고 국내 뇌연구 기반 구축을 목표로 연구합니다.",
};

export const DIVISIONS: DivisionSpec[] = [
  {
    name: "Research Division",
    altName: "연구본부",
    description: "Basic and translational research on emotion, cognition, neural circuits and brain disorders.",
    altDescription: "정서, 인지, 신경회로 및 뇌질환에 관한 기초·중개 연구를 수행합니다.",
    groups: [
      {
        name: "Emotional and Cognitive Disorders Research Group",
        altName: "정서·인지 질환 연구그룹",
        description:
          "We study how stress reshapes the circuits of mood, motivation and memory, and why some patients do not respond to antidepressants. " +
          "Our work spans rodent models of depression, the glutamate hypothesis and rapid-acting antidepressants such as ketamine.",
        altDescription:
          "스트레스가 기분·동기·기억 회로를 어떻게 변화시키는지, 그리고 일부 환자가 항우울제에 반응하지 않는 이유를 연구합니다. " +
          "우울증 동물모델, 글루탐산 가설, 케타민과 같은 속효성 항우울제 기전을 다룹니다.",
        collections: ALL,
        weight: 1.5,
        profile: {
          conditions: ["mdd", "trd", "stress", "ptsd", "anxiety", "bipolar", "addiction"],
          regions: ["nac", "vta", "mpfc", "hpc", "lhb", "bla", "pvn"],
          cellTypes: ["msn", "da", "pyr", "pv", "5ht", "astro"],
          molecules: ["bdnf", "nmdar", "glun2b", "glutamate", "mtor", "fosb", "hdac", "crf", "creb", "ampar"],
          processes: ["social", "anhedonia", "resilience", "reward", "anx", "plasticity", "fear"],
          methods: ["opto", "chemo", "photometry", "patch", "scrnaseq", "behaviour", "caimg"],
          subjects: ["Neurosciences", "Psychiatry", "Pharmacology & Pharmacy", "Behavioral Sciences"],
        },
      },
      {
        name: "Neural Circuits Research Group",
        altName: "신경회로 연구그룹",
        description:
          "We map and manipulate the circuits that turn sensation into memory and action, combining large-scale imaging with precise circuit control.",
        altDescription: "감각이 기억과 행동으로 이어지는 신경회로를 대규모 이미징과 정밀 회로 조절 기법으로 규명합니다.",
        collections: ALL,
        weight: 1.3,
        profile: {
          conditions: ["anxiety", "ptsd", "epilepsy", "aging"],
          regions: ["hpc", "ca1", "ec", "mpfc", "acc", "bla", "trn", "v1", "s1"],
          cellTypes: ["pv", "sst", "pyr", "gc", "chat"],
          molecules: ["gaba", "ampar", "nmdar", "kcc2", "creb"],
          processes: ["spatial", "fear", "wm-task", "decision", "oscillation", "plasticity", "socmem"],
          methods: ["caimg", "2p", "opto", "patch", "mea", "dl", "em"],
          subjects: ["Neurosciences", "Multidisciplinary Sciences", "Behavioral Sciences"],
        },
      },
      {
        name: "Neurodegenerative Diseases Research Group",
        altName: "퇴행성 뇌질환 연구그룹",
        description:
          "We investigate why neurons die in Alzheimer's and Parkinson's disease, from protein aggregation and glial responses to candidate therapies.",
        altDescription: "알츠하이머병과 파킨슨병에서 신경세포가 사멸하는 원인을 단백질 응집, 교세포 반응, 치료 후보물질 측면에서 연구합니다.",
        collections: ALL,
        weight: 1.4,
        profile: {
          conditions: ["ad", "pd", "als", "hd", "aging"],
          regions: ["hpc", "ec", "snc", "str", "mpfc", "lc"],
          cellTypes: ["mg", "astro", "da", "pyr", "mn", "ne"],
          molecules: ["tau", "abeta", "asyn", "trem2", "c3", "lrrk2", "autophagy", "mitochondria"],
          processes: ["degeneration", "inflammation", "spatial", "motor", "plasticity", "bbb"],
          methods: ["scrnaseq", "proteomics", "organoid", "pet", "clearing", "aav", "crispr"],
          subjects: ["Neurosciences", "Clinical Neurology", "Cell Biology", "Geriatrics & Gerontology"],
        },
      },
      {
        name: "Neurodevelopmental Disorders Research Group",
        altName: "발달장애 연구그룹",
        description:
          "We study how genes linked to autism and intellectual disability shape synapses and circuits during development.",
        altDescription: "자폐 및 지적장애 관련 유전자가 발달 과정에서 시냅스와 신경회로를 형성하는 방식을 연구합니다.",
        collections: ALL,
        weight: 1.1,
        profile: {
          conditions: ["asd", "adhd", "id", "epilepsy", "schizophrenia"],
          regions: ["mpfc", "str", "cb", "hpc", "s1", "trn"],
          cellTypes: ["pv", "sst", "pc", "pyr", "msn"],
          molecules: ["shank3", "nlgn", "kcc2", "wnt", "oxt", "mtor"],
          processes: ["socmem", "social", "development", "oscillation", "plasticity", "myelination"],
          methods: ["crispr", "organoid", "patch", "behaviour", "gwas", "scrnaseq", "eeg"],
          subjects: ["Neurosciences", "Developmental Biology", "Genetics & Heredity", "Psychiatry"],
        },
      },
    ],
  },
  {
    name: "Brain Research Infrastructure Division",
    altName: "뇌연구기반본부",
    description: "National brain bank, imaging, neuroinformatics and animal facilities that serve researchers across Korea.",
    altDescription: "국가 뇌은행, 뇌영상, 뇌신경정보, 실험동물 등 국내 연구자를 지원하는 연구 기반을 운영합니다.",
    groups: [
      {
        name: "Korea Brain Bank",
        altName: "한국뇌은행",
        description:
          "The national brain bank collects, characterises and distributes human brain tissue and its clinical data for research.",
        altDescription: "국가 뇌은행으로서 인체 뇌조직과 임상정보를 수집·분석하여 연구자에게 분양합니다.",
        collections: ["articles", "conference-papers", "reports", "datasets", "presentations"],
        weight: 0.7,
        profile: {
          conditions: ["ad", "pd", "aging", "schizophrenia", "mdd", "tbi"],
          regions: ["hpc", "ec", "mpfc", "snc", "wm"],
          cellTypes: ["mg", "astro", "pyr", "opc"],
          molecules: ["tau", "abeta", "asyn", "c3"],
          processes: ["degeneration", "inflammation", "myelination"],
          methods: ["proteomics", "scrnaseq", "spatialtx", "clearing", "gwas"],
          subjects: ["Neurosciences", "Clinical Neurology", "Geriatrics & Gerontology"],
        },
      },
      {
        name: "Neuroimaging Research Group",
        altName: "뇌영상 연구그룹",
        description: "We develop MRI and PET methods and apply them to the living human and animal brain.",
        altDescription: "MRI 및 PET 기법을 개발하고 살아 있는 인간과 동물의 뇌 연구에 적용합니다.",
        collections: ["articles", "conference-papers", "reports", "theses", "datasets", "presentations"],
        weight: 1.0,
        profile: {
          conditions: ["mdd", "ad", "stroke", "tbi", "schizophrenia", "aging"],
          regions: ["mpfc", "acc", "hpc", "wm", "str", "cb"],
          cellTypes: ["pyr", "astro", "opc"],
          molecules: ["glutamate", "gaba", "abeta", "tau"],
          processes: ["connectivity", "wm-task", "myelination", "degeneration", "bbb"],
          methods: ["fmri", "dti", "pet", "eeg", "dl"],
          subjects: ["Neurosciences", "Radiology, Nuclear Medicine & Medical Imaging", "Clinical Neurology", "Psychology"],
        },
      },
      {
        name: "Neuroinformatics Research Group",
        altName: "뇌신경정보 연구그룹",
        description: "We build the data standards, atlases and analysis tools that make brain data findable and reusable.",
        altDescription: "뇌 데이터를 찾고 재사용할 수 있도록 데이터 표준, 뇌지도, 분석 도구를 개발합니다.",
        collections: ["articles", "conference-papers", "reports", "datasets", "presentations"],
        weight: 0.8,
        profile: {
          conditions: ["ad", "asd", "epilepsy", "aging"],
          regions: ["hpc", "v1", "s1", "mpfc", "cb", "ob"],
          cellTypes: ["pyr", "pv", "gc", "pc"],
          molecules: ["ampar", "creb", "gaba"],
          processes: ["connectivity", "oscillation", "spatial", "development"],
          methods: ["dl", "em", "spatialtx", "scrnaseq", "clearing", "mea"],
          subjects: ["Neurosciences", "Computer Science, Artificial Intelligence", "Multidisciplinary Sciences"],
        },
      },
      {
        name: "Laboratory Animal Resource Center",
        altName: "실험동물센터",
        description: "We develop and share genetically engineered animal models and behavioural phenotyping services.",
        altDescription: "유전자 변형 동물모델을 개발·분양하고 행동 표현형 분석 서비스를 제공합니다.",
        collections: ["articles", "conference-papers", "reports", "datasets", "presentations", "patents"],
        weight: 0.6,
        profile: {
          conditions: ["asd", "ad", "mdd", "pain", "epilepsy"],
          regions: ["hpc", "str", "bla", "cb", "sc"],
          cellTypes: ["da", "mg", "pv", "drg"],
          molecules: ["shank3", "trem2", "nav17", "crf"],
          processes: ["anx", "motor", "socmem", "nociception", "sleep"],
          methods: ["crispr", "behaviour", "aav", "chemo"],
          subjects: ["Neurosciences", "Behavioral Sciences", "Genetics & Heredity"],
        },
      },
    ],
  },
  {
    name: "Brain Convergence Research Division",
    altName: "뇌융합연구본부",
    description: "Convergence research linking neuroscience with artificial intelligence, pharmacology and immunology.",
    altDescription: "신경과학을 인공지능, 약리학, 면역학과 융합하는 연구를 수행합니다.",
    groups: [
      {
        name: "Brain-AI Convergence Research Group",
        altName: "뇌-인공지능 융합연구그룹",
        description: "We use machine learning to decode neural activity and brain-inspired principles to build better algorithms.",
        altDescription: "기계학습으로 신경활동을 해독하고, 뇌의 원리를 모사하여 더 나은 알고리즘을 개발합니다.",
        collections: ["articles", "conference-papers", "books", "reports", "theses", "datasets", "patents", "presentations"],
        weight: 1.0,
        profile: {
          conditions: ["epilepsy", "stroke", "ad", "adhd"],
          regions: ["v1", "mpfc", "hpc", "s1", "cb"],
          cellTypes: ["pyr", "pv", "pc"],
          molecules: ["ampar", "gaba"],
          processes: ["decision", "wm-task", "oscillation", "connectivity", "motor", "spatial"],
          methods: ["dl", "eeg", "mea", "caimg", "fmri"],
          subjects: ["Neurosciences", "Computer Science, Artificial Intelligence", "Multidisciplinary Sciences", "Psychology"],
        },
      },
      {
        name: "Neuropharmacology Research Group",
        altName: "신경약리 연구그룹",
        description: "We search for drug targets and compounds for psychiatric and pain disorders, from mechanism to preclinical testing.",
        altDescription: "정신질환과 통증 질환의 약물 표적과 후보물질을 기전 연구부터 전임상 평가까지 탐색합니다.",
        collections: ALL,
        weight: 1.0,
        profile: {
          conditions: ["trd", "mdd", "pain", "addiction", "insomnia", "schizophrenia"],
          regions: ["mpfc", "nac", "sc", "lc", "pvn", "acc"],
          cellTypes: ["drg", "5ht", "ne", "msn", "astro"],
          molecules: ["nmdar", "glun2b", "nav17", "orexin", "oxt", "piezo", "mtor", "crf"],
          processes: ["nociception", "anhedonia", "reward", "sleep", "resilience"],
          methods: ["patch", "chemo", "behaviour", "proteomics", "aav"],
          subjects: ["Pharmacology & Pharmacy", "Neurosciences", "Psychiatry"],
        },
      },
      {
        name: "Neuroimmunology Research Group",
        altName: "신경면역 연구그룹",
        description: "We study how microglia, astrocytes and the peripheral immune system talk to neurons in health and disease.",
        altDescription: "미세아교세포, 성상교세포 및 말초 면역계가 건강과 질병 상태에서 신경세포와 소통하는 방식을 연구합니다.",
        collections: CORE.concat(["theses", "patents"]),
        weight: 1.0,
        profile: {
          conditions: ["ad", "ms", "stroke", "mdd", "glioma", "tbi"],
          regions: ["hpc", "wm", "mpfc", "snc", "ob"],
          cellTypes: ["mg", "astro", "opc"],
          molecules: ["trem2", "c3", "il1b", "lactate", "microbiota", "autophagy"],
          processes: ["inflammation", "bbb", "myelination", "degeneration", "plasticity"],
          methods: ["scrnaseq", "spatialtx", "2p", "proteomics", "crispr"],
          subjects: ["Neurosciences", "Immunology", "Cell Biology"],
        },
      },
      {
        name: "Brain Disease Therapeutics Research Group",
        altName: "뇌질환 치료기술 연구그룹",
        description: "We develop gene, cell and neuromodulation therapies for stroke, epilepsy and neurodegeneration.",
        altDescription: "뇌졸중, 뇌전증, 신경퇴행성 질환을 위한 유전자·세포 치료 및 신경조절 치료기술을 개발합니다.",
        collections: ALL,
        weight: 0.9,
        profile: {
          conditions: ["stroke", "epilepsy", "pd", "als", "glioma", "tbi"],
          regions: ["str", "snc", "hpc", "mpfc", "sc"],
          cellTypes: ["da", "mn", "astro", "mg"],
          molecules: ["asyn", "lrrk2", "mitochondria", "bdnf", "wnt"],
          processes: ["degeneration", "motor", "bbb", "plasticity"],
          methods: ["aav", "organoid", "crispr", "opto", "pet"],
          subjects: ["Clinical Neurology", "Neurosciences", "Pharmacology & Pharmacy"],
        },
      },
    ],
  },
];

/** A small unit directly under the institute, holding reports and talks only. */
export const POLICY_CENTER: GroupSpec = {
  name: "Brain Science Policy Center",
  altName: "뇌과학정책센터",
  description: "Analyses of brain research policy, funding and ethics for government and the public.",
  altDescription: "정부와 국민을 위한 뇌연구 정책, 연구비, 연구윤리를 분석합니다.",
  collections: ["reports", "presentations", "articles"],
  weight: 0.25,
  profile: {
    conditions: ["ad", "mdd", "asd"],
    regions: ["hpc", "mpfc"],
    cellTypes: ["pyr"],
    molecules: ["abeta"],
    processes: ["connectivity", "degeneration"],
    methods: ["dl", "fmri"],
    subjects: ["Multidisciplinary Sciences", "Neurosciences"],
  },
};

/** Where the seed item lives: 연구본부 › 정서·인지 질환 연구그룹 › "1. Journal Articles". */
export const SEED_GROUP_ALT_NAME = "정서·인지 질환 연구그룹";
