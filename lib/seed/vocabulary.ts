// Neuroscience vocabulary for the demonstration data: the building blocks of titles, abstracts and
// keywords, each in English and Korean. Groups of the institute draw on the ids listed in
// ./institute.ts, so a research group's output reads like that group's field.

export type Term = {
  id: string;
  en: string;
  ko: string;
  /** A keyword form when it differs from `en` (capitalised, no article). */
  keyword?: string;
};

const t = (id: string, en: string, ko: string, keyword?: string): Term => ({ id, en, ko, keyword });

export const CONDITIONS: Term[] = [
  t("mdd", "major depressive disorder", "주요우울장애", "Major depressive disorder"),
  t("trd", "treatment-resistant depression", "치료저항성 우울증", "Treatment-resistant depression"),
  t("anxiety", "generalized anxiety disorder", "범불안장애", "Anxiety disorders"),
  t("ptsd", "post-traumatic stress disorder", "외상 후 스트레스 장애", "PTSD"),
  t("stress", "chronic stress", "만성 스트레스", "Chronic stress"),
  t("bipolar", "bipolar disorder", "양극성 장애", "Bipolar disorder"),
  t("schizophrenia", "schizophrenia", "조현병", "Schizophrenia"),
  t("addiction", "substance use disorder", "물질사용장애", "Addiction"),
  t("ad", "Alzheimer's disease", "알츠하이머병", "Alzheimer's disease"),
  t("pd", "Parkinson's disease", "파킨슨병", "Parkinson's disease"),
  t("als", "amyotrophic lateral sclerosis", "근위축성 측삭 경화증", "ALS"),
  t("hd", "Huntington's disease", "헌팅턴병", "Huntington's disease"),
  t("aging", "age-related cognitive decline", "노화 관련 인지 저하", "Cognitive aging"),
  t("stroke", "ischemic stroke", "허혈성 뇌졸중", "Ischemic stroke"),
  t("tbi", "traumatic brain injury", "외상성 뇌손상", "Traumatic brain injury"),
  t("asd", "autism spectrum disorder", "자폐 스펙트럼 장애", "Autism spectrum disorder"),
  t("adhd", "attention-deficit/hyperactivity disorder", "주의력결핍 과잉행동장애", "ADHD"),
  t("id", "intellectual disability", "지적장애", "Intellectual disability"),
  t("epilepsy", "epilepsy", "뇌전증", "Epilepsy"),
  t("pain", "neuropathic pain", "신경병증성 통증", "Neuropathic pain"),
  t("insomnia", "chronic insomnia", "만성 불면증", "Insomnia"),
  t("glioma", "glioblastoma", "교모세포종", "Glioblastoma"),
  t("ms", "multiple sclerosis", "다발성 경화증", "Multiple sclerosis"),
];

export const REGIONS: Term[] = [
  t("hpc", "hippocampus", "해마", "Hippocampus"),
  t("dg", "dentate gyrus", "치아이랑", "Dentate gyrus"),
  t("ca1", "hippocampal CA1 region", "해마 CA1 영역", "CA1"),
  t("mpfc", "medial prefrontal cortex", "내측 전전두엽", "Prefrontal cortex"),
  t("acc", "anterior cingulate cortex", "전대상피질", "Anterior cingulate cortex"),
  t("nac", "nucleus accumbens", "측좌핵", "Nucleus accumbens"),
  t("vta", "ventral tegmental area", "복측 피개 영역", "Ventral tegmental area"),
  t("bla", "basolateral amygdala", "기저외측 편도체", "Amygdala"),
  t("lhb", "lateral habenula", "외측 고삐핵", "Lateral habenula"),
  t("pvn", "paraventricular nucleus of the hypothalamus", "시상하부 실방핵", "Hypothalamus"),
  t("lc", "locus coeruleus", "청반", "Locus coeruleus"),
  t("str", "dorsal striatum", "배측 선조체", "Striatum"),
  t("snc", "substantia nigra pars compacta", "흑질 치밀부", "Substantia nigra"),
  t("ec", "entorhinal cortex", "내후각피질", "Entorhinal cortex"),
  t("cb", "cerebellum", "소뇌", "Cerebellum"),
  t("trn", "thalamic reticular nucleus", "시상그물핵", "Thalamus"),
  t("v1", "primary visual cortex", "일차 시각피질", "Visual cortex"),
  t("s1", "primary somatosensory cortex", "일차 체성감각피질", "Somatosensory cortex"),
  t("sc", "spinal dorsal horn", "척수 후각", "Spinal cord"),
  t("ob", "olfactory bulb", "후각망울", "Olfactory bulb"),
  t("wm", "white matter", "백질", "White matter"),
];

export const CELL_TYPES: Term[] = [
  t("pv", "parvalbumin-positive interneurons", "파브알부민 양성 중간뉴런", "Parvalbumin interneurons"),
  t("sst", "somatostatin-expressing interneurons", "소마토스타틴 발현 중간뉴런", "Somatostatin interneurons"),
  t("da", "dopaminergic neurons", "도파민 신경세포", "Dopaminergic neurons"),
  t("msn", "medium spiny neurons", "중형 가시 신경세포", "Medium spiny neurons"),
  t("pyr", "pyramidal neurons", "피라미드 신경세포", "Pyramidal neurons"),
  t("gc", "adult-born granule cells", "성체 신생 과립세포", "Adult neurogenesis"),
  t("mg", "microglia", "미세아교세포", "Microglia"),
  t("astro", "astrocytes", "성상교세포", "Astrocytes"),
  t("opc", "oligodendrocyte precursor cells", "희소돌기아교 전구세포", "Oligodendrocytes"),
  t("5ht", "serotonergic neurons", "세로토닌 신경세포", "Serotonin"),
  t("chat", "cholinergic interneurons", "콜린성 중간뉴런", "Cholinergic neurons"),
  t("pc", "Purkinje cells", "푸르키녜 세포", "Purkinje cells"),
  t("mn", "motor neurons", "운동신경세포", "Motor neurons"),
  t("drg", "dorsal root ganglion neurons", "후근신경절 신경세포", "Dorsal root ganglion"),
  t("ne", "noradrenergic neurons", "노르아드레날린 신경세포", "Noradrenaline"),
];

export const MOLECULES: Term[] = [
  t("bdnf", "BDNF-TrkB signalling", "BDNF-TrkB 신호전달", "BDNF"),
  t("nmdar", "NMDA receptors", "NMDA 수용체", "NMDA receptor"),
  t("glun2b", "GluN2B-containing NMDA receptors", "GluN2B 함유 NMDA 수용체", "GluN2B"),
  t("ampar", "AMPA receptor trafficking", "AMPA 수용체 이동", "AMPA receptor"),
  t("gaba", "GABA-A receptor signalling", "GABA-A 수용체 신호전달", "GABA"),
  t("glutamate", "glutamatergic transmission", "글루탐산성 신경전달", "Glutamate"),
  t("mtor", "mTORC1 signalling", "mTORC1 신호전달", "mTOR"),
  t("creb", "CREB-dependent transcription", "CREB 의존적 전사", "CREB"),
  t("fosb", "DeltaFosB", "DeltaFosB", "DeltaFosB"),
  t("hdac", "histone deacetylase 2", "히스톤 탈아세틸화효소 2", "Epigenetics"),
  t("tau", "tau phosphorylation", "타우 인산화", "Tau"),
  t("abeta", "amyloid-beta oligomers", "아밀로이드 베타 올리고머", "Amyloid-beta"),
  t("asyn", "alpha-synuclein aggregation", "알파-시누클레인 응집", "Alpha-synuclein"),
  t("trem2", "TREM2", "TREM2", "TREM2"),
  t("c3", "complement C3", "보체 C3", "Complement"),
  t("kcc2", "the chloride transporter KCC2", "염화이온 수송체 KCC2", "KCC2"),
  t("shank3", "SHANK3", "SHANK3", "SHANK3"),
  t("nlgn", "neuroligin-3", "뉴로리긴-3", "Synaptic adhesion"),
  t("oxt", "oxytocin", "옥시토신", "Oxytocin"),
  t("crf", "corticotropin-releasing factor", "부신피질자극호르몬 방출인자", "CRF"),
  t("orexin", "orexin", "오렉신", "Orexin"),
  t("il1b", "interleukin-1 beta", "인터류킨-1 베타", "Cytokines"),
  t("lactate", "astrocytic lactate", "성상교세포 유래 젖산", "Lactate"),
  t("microbiota", "gut microbiota-derived metabolites", "장내 미생물 유래 대사체", "Gut-brain axis"),
  t("lrrk2", "LRRK2 kinase activity", "LRRK2 인산화효소 활성", "LRRK2"),
  t("wnt", "Wnt/beta-catenin signalling", "Wnt/베타-카테닌 신호전달", "Wnt signalling"),
  t("piezo", "Piezo1 mechanosensitive channels", "Piezo1 기계감각 채널", "Piezo1"),
  t("nav17", "Nav1.7 sodium channels", "Nav1.7 나트륨 채널", "Ion channels"),
  t("mitochondria", "mitochondrial quality control", "미토콘드리아 품질 관리", "Mitochondria"),
  t("autophagy", "autophagy-lysosome function", "자가포식-리소좀 기능", "Autophagy"),
];

export const PROCESSES: Term[] = [
  t("social", "social avoidance", "사회적 회피", "Social behaviour"),
  t("fear", "fear memory extinction", "공포 기억 소거", "Fear extinction"),
  t("anx", "anxiety-like behaviour", "불안 유사 행동", "Anxiety"),
  t("spatial", "spatial memory", "공간 기억", "Spatial memory"),
  t("reward", "reward seeking", "보상 추구", "Reward"),
  t("resilience", "stress resilience", "스트레스 회복탄력성", "Resilience"),
  t("anhedonia", "anhedonia", "무쾌감증", "Anhedonia"),
  t("sleep", "sleep-wake regulation", "수면-각성 조절", "Sleep"),
  t("motor", "motor learning", "운동 학습", "Motor learning"),
  t("plasticity", "synaptic plasticity", "시냅스 가소성", "Synaptic plasticity"),
  t("inflammation", "neuroinflammation", "신경염증", "Neuroinflammation"),
  t("neurogenesis", "adult hippocampal neurogenesis", "성체 해마 신경발생", "Neurogenesis"),
  t("myelination", "myelination", "수초화", "Myelination"),
  t("wm-task", "working memory", "작업 기억", "Working memory"),
  t("decision", "value-based decision making", "가치 기반 의사결정", "Decision making"),
  t("socmem", "social memory", "사회적 기억", "Social memory"),
  t("nociception", "pain sensitisation", "통증 과민화", "Pain"),
  t("degeneration", "neuronal loss", "신경세포 소실", "Neurodegeneration"),
  t("connectivity", "functional connectivity", "기능적 연결성", "Functional connectivity"),
  t("development", "cortical development", "대뇌피질 발달", "Brain development"),
  t("oscillation", "gamma oscillations", "감마 진동", "Neural oscillations"),
  t("bbb", "blood-brain barrier integrity", "혈액-뇌 장벽 무결성", "Blood-brain barrier"),
];

export const METHODS: Term[] = [
  t("opto", "optogenetics", "광유전학", "Optogenetics"),
  t("chemo", "chemogenetic manipulation", "화학유전학적 조작", "Chemogenetics"),
  t("caimg", "in vivo calcium imaging", "생체 내 칼슘 이미징", "Calcium imaging"),
  t("photometry", "fibre photometry", "광섬유 광도측정법", "Fiber photometry"),
  t("scrnaseq", "single-cell RNA sequencing", "단일세포 RNA 시퀀싱", "Single-cell RNA-seq"),
  t("spatialtx", "spatial transcriptomics", "공간 전사체 분석", "Spatial transcriptomics"),
  t("patch", "whole-cell patch-clamp recording", "전세포 패치 클램프 기록", "Electrophysiology"),
  t("2p", "two-photon microscopy", "이광자 현미경", "Two-photon imaging"),
  t("fmri", "resting-state functional MRI", "휴지기 기능적 자기공명영상", "fMRI"),
  t("dti", "diffusion tensor imaging", "확산텐서영상", "Diffusion MRI"),
  t("pet", "positron emission tomography", "양전자 방출 단층촬영", "PET"),
  t("eeg", "high-density electroencephalography", "고밀도 뇌파", "EEG"),
  t("crispr", "CRISPR-Cas9 gene editing", "CRISPR-Cas9 유전자 편집", "CRISPR"),
  t("organoid", "human iPSC-derived brain organoids", "인간 iPSC 유래 뇌 오가노이드", "Brain organoids"),
  t("clearing", "tissue clearing and light-sheet microscopy", "조직 투명화 및 광시트 현미경", "Tissue clearing"),
  t("dl", "deep learning", "딥러닝", "Deep learning"),
  t("proteomics", "quantitative proteomics", "정량 단백체 분석", "Proteomics"),
  t("behaviour", "automated behavioural phenotyping", "자동화 행동 표현형 분석", "Behavioural phenotyping"),
  t("aav", "AAV-mediated gene delivery", "AAV 매개 유전자 전달", "Gene therapy"),
  t("em", "serial-section electron microscopy", "연속 절편 전자현미경", "Connectomics"),
  t("mea", "multi-electrode array recording", "다중전극 배열 기록", "Multi-electrode arrays"),
  t("gwas", "genome-wide association analysis", "전장 유전체 연관 분석", "Genetics"),
];

export const MODELS: Term[] = [
  t("mice", "mice", "생쥐"),
  t("rats", "rats", "랫드"),
  t("zebrafish", "zebrafish larvae", "제브라피시 유생"),
  t("primates", "non-human primates", "영장류"),
  t("ipsc", "human iPSC-derived neurons", "인간 iPSC 유래 신경세포"),
  t("postmortem", "post-mortem human brain tissue", "사후 인간 뇌 조직"),
  t("patients", "patients", "환자"),
  t("adults", "healthy adults", "건강한 성인"),
  t("tg", "transgenic mice", "형질전환 생쥐"),
];

export const INTERVENTIONS: Term[] = [
  t("csds", "chronic social defeat stress", "만성 사회적 패배 스트레스"),
  t("cus", "chronic unpredictable stress", "만성 예측불가 스트레스"),
  t("ela", "early-life adversity", "초기 생애 역경"),
  t("ms", "maternal separation", "모성 분리"),
  t("ketamine", "a single dose of ketamine", "케타민 단회 투여"),
  t("ssri", "chronic fluoxetine treatment", "만성 플루옥세틴 투여"),
  t("exercise", "voluntary exercise", "자발적 운동"),
  t("hfd", "a high-fat diet", "고지방 식이"),
  t("sd", "sleep deprivation", "수면 박탈"),
  t("ee", "environmental enrichment", "풍부한 환경"),
  t("cocaine", "repeated cocaine exposure", "반복적 코카인 노출"),
  t("lps", "systemic lipopolysaccharide challenge", "전신 지질다당류 투여"),
  t("mcao", "transient middle cerebral artery occlusion", "일시적 중대뇌동맥 폐색"),
  t("sni", "spared nerve injury", "보존 신경 손상"),
  t("ageing", "ageing", "노화"),
];

/** Web of Science-style subject categories. */
export const SUBJECTS = [
  "Neurosciences",
  "Psychiatry",
  "Clinical Neurology",
  "Pharmacology & Pharmacy",
  "Biochemistry & Molecular Biology",
  "Cell Biology",
  "Behavioral Sciences",
  "Radiology, Nuclear Medicine & Medical Imaging",
  "Genetics & Heredity",
  "Immunology",
  "Multidisciplinary Sciences",
  "Computer Science, Artificial Intelligence",
  "Geriatrics & Gerontology",
  "Developmental Biology",
  "Psychology",
] as const;

const byId = (list: Term[]) => new Map(list.map((term) => [term.id, term]));
export const VOCABULARY = {
  conditions: byId(CONDITIONS),
  regions: byId(REGIONS),
  cellTypes: byId(CELL_TYPES),
  molecules: byId(MOLECULES),
  processes: byId(PROCESSES),
  methods: byId(METHODS),
};

export type TopicProfile = {
  conditions: string[];
  regions: string[];
  cellTypes: string[];
  molecules: string[];
  processes: string[];
  methods: string[];
  subjects: (typeof SUBJECTS)[number][];
};

/** The terms of a profile, resolved; throws on an unknown id so a typo fails the tests. */
export function resolveProfile(profile: TopicProfile) {
  const get = (map: Map<string, Term>, ids: string[], kind: string) =>
    ids.map((id) => {
      const term = map.get(id);
      if (!term) throw new Error(`unknown ${kind} term "${id}"`);
      return term;
    });
  return {
    conditions: get(VOCABULARY.conditions, profile.conditions, "condition"),
    regions: get(VOCABULARY.regions, profile.regions, "region"),
    cellTypes: get(VOCABULARY.cellTypes, profile.cellTypes, "cell type"),
    molecules: get(VOCABULARY.molecules, profile.molecules, "molecule"),
    processes: get(VOCABULARY.processes, profile.processes, "process"),
    methods: get(VOCABULARY.methods, profile.methods, "method"),
    subjects: [...profile.subjects],
  };
}

export type ResolvedProfile = ReturnType<typeof resolveProfile>;
