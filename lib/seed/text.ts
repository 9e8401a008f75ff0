// Titles, abstracts and keywords for the demonstration items, in English and Korean, composed
// from a research group's vocabulary (./vocabulary.ts) by sentence templates. Each item draws one
// "topic" (a condition, a region, a cell type, a molecule, …) and every sentence about it agrees.
import type { Random } from "./random";
import { INTERVENTIONS, MODELS, type ResolvedProfile, type Term } from "./vocabulary";

export type Topic = {
  condition: Term;
  condition2: Term;
  region: Term;
  cellType: Term;
  molecule: Term;
  process: Term;
  process2: Term;
  method: Term;
  method2: Term;
  model: Term;
  stressor: Term;
  treatment: Term;
};

const TREATMENT_IDS = new Set(["ketamine", "ssri", "exercise", "ee"]);
const STRESSORS = INTERVENTIONS.filter((i) => !TREATMENT_IDS.has(i.id));
const TREATMENTS = INTERVENTIONS.filter((i) => TREATMENT_IDS.has(i.id));

export function drawTopic(random: Random, profile: ResolvedProfile): Topic {
  const [condition, condition2] = pickTwo(random, profile.conditions);
  const [process, process2] = pickTwo(random, profile.processes);
  const [method, method2] = pickTwo(random, profile.methods);
  return {
    condition,
    condition2,
    region: random.pick(profile.regions),
    cellType: random.pick(profile.cellTypes),
    molecule: random.pick(profile.molecules),
    process,
    process2,
    method,
    method2,
    model: random.weighted(MODELS.map((m) => [m, m.id === "mice" ? 8 : m.id === "tg" ? 3 : m.id === "rats" ? 2 : 1] as const)),
    stressor: random.pick(STRESSORS),
    treatment: random.pick(TREATMENTS),
  };
}

function pickTwo(random: Random, list: Term[]): [Term, Term] {
  if (list.length < 2) return [list[0], list[0]];
  const [a, b] = random.sample(list, 2);
  return [a, b];
}

/** Capitalises a phrase, leaving words like "mTORC1" or "iPSC" as they are written. */
export const cap = (s: string) => (/^[a-z][A-Z]/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1));

/** Korean particle after a word: "을/를", "이/가", "은/는", "과/와", "으로/로". */
export function josa(word: string, pair: "을/를" | "이/가" | "은/는" | "과/와" | "으로/로"): string {
  const last = word.charCodeAt(word.length - 1);
  const [withFinal, withoutFinal] = pair.split("/");
  if (last < 0xac00 || last > 0xd7a3) return `${word}${withFinal}(${withoutFinal})`;
  const final = (last - 0xac00) % 28;
  if (pair === "으로/로" && final === 8) return word + withoutFinal; // ㄹ takes 로
  return word + (final ? withFinal : withoutFinal);
}

// ---------------------------------------------------------------------------------------------
// Titles

type TitleTemplate = (t: Topic) => string;

const ARTICLE_TITLES: TitleTemplate[] = [
  (t) => `${cap(t.cellType.en)} in the ${t.region.en} mediate ${t.process.en} after ${t.stressor.en}`,
  (t) => `${cap(t.stressor.en)} alters ${t.molecule.en} in ${t.cellType.en} of the ${t.region.en}`,
  (t) => `${cap(t.method.en)} reveals ${t.process.en}-related changes in ${t.cellType.en} in ${t.condition.en}`,
  (t) => `Sex differences in ${t.molecule.en} within the ${t.region.en} following ${t.stressor.en}`,
  (t) => `The role of ${t.molecule.en} underlying ${t.condition.en}`,
  (t) => `${cap(t.condition.en)}-associated alterations in ${t.process.en}: evidence from ${t.method.en}`,
  (t) => `Dysregulation of ${t.molecule.en} in ${t.cellType.en} contributes to altered ${t.process.en} in a mouse model of ${t.condition.en}`,
  (t) => `Targeting ${t.molecule.en} to treat ${t.condition.en}: a preclinical study in ${t.model.en}`,
  (t) => `A ${t.method.en} atlas of ${t.cellType.en} in the ${t.region.en}`,
  (t) => `${cap(t.cellType.en)} in the ${t.region.en} encode ${t.process.en}`,
  (t) => `Protective effects of ${t.treatment.en} on ${t.process.en} require ${t.molecule.en} in the ${t.region.en}`,
  (t) => `${cap(t.region.en)} circuits for ${t.process.en} and their disruption in ${t.condition.en}`,
  (t) => `Loss of ${t.molecule.en} in ${t.cellType.en} impairs ${t.process.en} and ${t.process2.en}`,
  (t) => `Longitudinal ${t.method.en} of ${t.process.en} in ${t.condition.en}`,
  (t) => `${cap(t.molecule.en)} links ${t.process.en} to ${t.process2.en} in ${t.model.en}`,
  (t) => `Distinct neuronal ensembles in the ${t.region.en} support ${t.process.en} and ${t.process2.en}`,
  (t) => `Combining ${t.method.en} and ${t.method2.en} to dissect ${t.process.en} in ${t.condition.en}`,
  (t) => `Early changes in ${t.process.en} precede dysfunction of ${t.cellType.en} in a model of ${t.condition.en}`,
];

const REVIEW_TITLES: TitleTemplate[] = [
  (t) => `${cap(t.molecule.en)} in ${t.condition.en}: mechanisms and therapeutic implications`,
  (t) => `${cap(t.cellType.en)} as regulators of ${t.process.en}: a review`,
  (t) => `Beyond the monoamine hypothesis: ${t.molecule.en} in ${t.condition.en}`,
  (t) => `${cap(t.method.en)} in the study of ${t.condition.en}: progress and challenges`,
  (t) => `Neural circuits of ${t.process.en} in health and ${t.condition.en}`,
];

const KO_TITLES: TitleTemplate[] = [
  (t) => `${t.region.ko} ${t.cellType.ko}의 ${t.process.ko} 조절 기전`,
  (t) => `${t.condition.ko}에서 ${t.molecule.ko}의 역할`,
  (t) => `${t.stressor.ko}에 의한 ${t.region.ko} ${t.molecule.ko} 변화와 ${t.process.ko}`,
  (t) => `${josa(t.method.ko, "을/를")} 이용한 ${t.condition.ko}의 ${t.process.ko} 연구`,
  (t) => `${t.condition.ko} 모델 ${t.model.ko}에서 ${t.molecule.ko} 표적 치료 효과`,
  (t) => `${t.process.ko}에 관여하는 ${t.region.ko} 신경회로 규명`,
  (t) => `${t.condition.ko} 환자의 ${t.process.ko} 변화: ${t.method.ko} 연구`,
];

export function articleTitle(random: Random, t: Topic, review: boolean): string {
  return random.pick(review ? REVIEW_TITLES : ARTICLE_TITLES)(t);
}

export function koreanTitle(random: Random, t: Topic): string {
  return random.pick(KO_TITLES)(t);
}

export function patentTitles(random: Random, t: Topic): { en: string; ko: string } {
  const i = random.int(0, 2);
  if (i === 0)
    return {
      en: `Composition for preventing or treating ${t.condition.en} comprising an inhibitor of ${t.molecule.en} as an active ingredient`,
      ko: `${t.molecule.ko} 억제제를 유효성분으로 포함하는 ${t.condition.ko} 예방 또는 치료용 조성물`,
    };
  if (i === 1)
    return {
      en: `Method for screening therapeutic agents for ${t.condition.en} using ${t.cellType.en}`,
      ko: `${josa(t.cellType.ko, "을/를")} 이용한 ${t.condition.ko} 치료제 스크리닝 방법`,
    };
  return {
    en: `Biomarker composition for diagnosing ${t.condition.en} based on ${t.molecule.en}`,
    ko: `${josa(t.molecule.ko, "을/를")} 이용한 ${t.condition.ko} 진단용 바이오마커 조성물`,
  };
}

export function reportTitles(random: Random, t: Topic, year: number, groupEn: string, groupKo: string): { en: string; ko: string } {
  const i = random.int(0, 2);
  if (i === 0) return { en: `${year} Annual Research Report of the ${groupEn}`, ko: `${year}년도 ${groupKo} 연구연보` };
  if (i === 1)
    return {
      en: `Development of a ${t.method.en} platform for ${t.condition.en} research (final report)`,
      ko: `${t.condition.ko} 연구를 위한 ${t.method.ko} 플랫폼 개발 (최종보고서)`,
    };
  return {
    en: `Mechanisms of ${t.process.en} in ${t.condition.en}: interim report`,
    ko: `${t.condition.ko}의 ${t.process.ko} 기전 연구 (중간보고서)`,
  };
}

export function datasetTitle(random: Random, t: Topic): string {
  return random.pick<TitleTemplate>([
    (x) => `Dataset: ${x.method.en} of ${x.cellType.en} in the ${x.region.en} after ${x.stressor.en}`,
    (x) => `${cap(x.method.en)} data from the ${x.region.en} of ${x.model.en} modelling ${x.condition.en}`,
    (x) => `Source data for "${cap(x.molecule.en)} in the ${x.region.en} and ${x.process.en}"`,
    (x) => `${cap(x.process.en)} measurements in ${x.model.en}: raw behavioural and imaging data`,
  ])(t);
}

export function bookTitles(random: Random, t: Topic): { en: string; ko: string } {
  return random.pick<(x: Topic) => { en: string; ko: string }>([
    (x) => ({ en: `${cap(x.condition.en)}: From Molecular Mechanisms to Therapeutics`, ko: `${x.condition.ko}: 분자 기전에서 치료까지` }),
    (x) => ({ en: `Neural Circuits of ${cap(x.process.en)}`, ko: `${x.process.ko}의 신경회로` }),
    (x) => ({ en: `Methods in ${cap(x.method.en)}`, ko: `${x.method.ko} 연구방법` }),
    (x) => ({ en: `Understanding ${cap(x.condition.en)}`, ko: `${x.condition.ko}의 이해` }),
  ])(t);
}

export function presentationTitle(random: Random, t: Topic): string {
  return random.pick<TitleTemplate>([
    (x) => `Circuit mechanisms of ${x.process.en}: insights from ${x.method.en}`,
    (x) => `${cap(x.molecule.en)} and ${x.condition.en}: new targets, new questions`,
    (x) => `What ${x.cellType.en} tell us about ${x.condition.en}`,
    (x) => `${cap(x.method.en)} at KBRI: tools for ${x.process.en} research`,
  ])(t);
}

// ---------------------------------------------------------------------------------------------
// Abstracts

type Sentences = ((t: Topic) => string)[];

const BACKGROUND: Sentences = [
  (t) => `${cap(t.condition.en)} is a leading cause of disability worldwide, yet its neurobiological basis remains poorly understood.`,
  (t) => `${cap(t.condition.en)} affects millions of people, and current treatments are ineffective for a substantial proportion of patients.`,
  (t) => `${cap(t.process.en)} depends on the coordinated activity of neurons and glia across distributed brain circuits.`,
  (t) => `Disturbances of ${t.process.en} are a core feature of ${t.condition.en} and of several related disorders.`,
  (t) => `The ${t.region.en} integrates sensory, emotional and contextual information to guide ${t.process.en}.`,
];
const CONTEXT: Sentences = [
  (t) => `Accumulating evidence implicates ${t.molecule.en} in the ${t.region.en} in the pathophysiology of ${t.condition.en}.`,
  (t) => `${cap(t.molecule.en)} has emerged as a key regulator of ${t.process.en}, but its cell-type-specific functions are largely unknown.`,
  (t) => `Recent studies in ${t.model.en} suggest that ${t.cellType.en} contribute to ${t.process.en} through mechanisms that remain to be defined.`,
  (t) => `Both ${t.condition.en} and ${t.condition2.en} are associated with altered ${t.process2.en}, pointing to shared circuit mechanisms.`,
];
const GAP: Sentences = [
  (t) => `However, how ${t.cellType.en} in the ${t.region.en} contribute to ${t.process.en} is unclear.`,
  (t) => `Whether these changes are a cause or a consequence of ${t.process.en} deficits has not been established.`,
  (t) => `It remains unknown whether ${t.stressor.en} engages ${t.molecule.en} in a cell-type-specific manner.`,
];
const AIM: Sentences = [
  (t) => `Here, we combined ${t.method.en} with ${t.method2.en} in ${t.model.en} to examine the role of ${t.molecule.en} in ${t.process.en}.`,
  (t) => `In this study, we used ${t.method.en} to characterise ${t.cellType.en} of the ${t.region.en} in ${t.model.en} exposed to ${t.stressor.en}.`,
  (t) => `To address this question, we performed ${t.method.en} and ${t.method2.en} in ${t.model.en}.`,
];
const RESULTS: Sentences = [
  (t) => `We found that ${t.stressor.en} reduced ${t.molecule.en} in ${t.cellType.en} of the ${t.region.en}, and that this reduction was accompanied by impaired ${t.process.en}.`,
  (t) => `Selective inhibition of ${t.cellType.en} in the ${t.region.en} reproduced the deficits in ${t.process.en}, whereas their activation restored normal behaviour.`,
  (t) => `${cap(t.method.en)} revealed a subpopulation of ${t.cellType.en} whose activity predicted ${t.process.en} on a trial-by-trial basis.`,
  (t) => `These effects were sex-specific and were absent in animals lacking ${t.molecule.en}.`,
  (t) => `Treatment with ${t.treatment.en} normalised ${t.molecule.en} levels and rescued ${t.process2.en}.`,
  (t) => `${cap(t.method2.en)} further showed that ${t.molecule.en} shapes ${t.process2.en} through changes in synaptic input onto ${t.cellType.en}.`,
  (t) => `In an independent cohort, the same alterations were associated with the severity of ${t.condition.en}.`,
  (t) => `Transcriptomic profiling identified genes related to ${t.process2.en} that were differentially expressed in ${t.cellType.en}.`,
];
const CONCLUSION: Sentences = [
  (t) => `Together, these findings identify ${t.molecule.en} in ${t.cellType.en} as a potential therapeutic target for ${t.condition.en}.`,
  (t) => `Our results reveal a circuit mechanism linking ${t.stressor.en} to ${t.process.en} and suggest new strategies for treating ${t.condition.en}.`,
  (t) => `These data provide a framework for understanding how the ${t.region.en} supports ${t.process.en} in health and disease.`,
];
const REVIEW: Sentences = [
  (t) => `In this review, we summarise recent advances in understanding the role of ${t.molecule.en} in ${t.condition.en}.`,
  (t) => `We discuss evidence from ${t.model.en} and human studies, with an emphasis on ${t.cellType.en} of the ${t.region.en}.`,
  (t) => `We also highlight how ${t.method.en} and ${t.method2.en} are changing the field.`,
  (t) => `Finally, we consider open questions and the prospects for therapies that target ${t.process.en}.`,
];

function pickSentences(random: Random, bank: Sentences, n: number, t: Topic): string[] {
  return random.sample(bank, n).map((s) => s(t));
}

export function englishAbstract(random: Random, t: Topic, kind: "research" | "review" | "dataset" | "patent" | "report" | "talk"): string {
  if (kind === "review") {
    return [...pickSentences(random, BACKGROUND, 1, t), ...pickSentences(random, CONTEXT, 1, t), ...REVIEW.map((s) => s(t))].join(" ");
  }
  if (kind === "dataset") {
    return [
      `This dataset contains ${t.method.en} recordings from the ${t.region.en} of ${t.model.en}, collected to study ${t.process.en}.`,
      `Files include the processed data tables, the analysis code parameters and a description of every variable.`,
      ...pickSentences(random, CONTEXT, 1, t),
      `The data support the findings of the related publication and can be reused under the stated license.`,
    ].join(" ");
  }
  if (kind === "patent") {
    return [
      `The present invention relates to ${t.molecule.en} and its use for preventing, diagnosing or treating ${t.condition.en}.`,
      `In ${t.model.en}, modulation of ${t.molecule.en} in ${t.cellType.en} improved ${t.process.en} without affecting ${t.process2.en}.`,
      `The composition of the invention can therefore be used as a pharmaceutical or health functional food composition for ${t.condition.en}.`,
    ].join(" ");
  }
  if (kind === "report") {
    return [
      `This report summarises the results of the research programme on ${t.condition.en} carried out at the Korea Brain Research Institute.`,
      ...pickSentences(random, AIM, 1, t),
      ...pickSentences(random, RESULTS, 2, t),
      `Plans for the next stage of the programme and its expected contributions are described.`,
    ].join(" ");
  }
  if (kind === "talk") {
    return [...pickSentences(random, BACKGROUND, 1, t), ...pickSentences(random, RESULTS, 1, t), ...pickSentences(random, CONCLUSION, 1, t)].join(" ");
  }
  return [
    ...pickSentences(random, BACKGROUND, 1, t),
    ...pickSentences(random, CONTEXT, random.int(1, 2), t),
    ...pickSentences(random, GAP, 1, t),
    ...pickSentences(random, AIM, 1, t),
    ...pickSentences(random, RESULTS, random.int(2, 4), t),
    ...pickSentences(random, CONCLUSION, 1, t),
  ].join(" ");
}

const KO_SENTENCES: Sentences[] = [
  [
    (t) => `${josa(t.condition.ko, "은/는")} 전 세계적으로 주요한 장애 원인이지만, 그 신경생물학적 기전은 아직 충분히 밝혀지지 않았다.`,
    (t) => `${t.process.ko}의 이상은 ${t.condition.ko}의 핵심 특징 중 하나이다.`,
  ],
  [
    (t) => `최근 연구들은 ${t.region.ko}의 ${josa(t.molecule.ko, "이/가")} ${t.condition.ko}의 병태생리에 관여함을 시사한다.`,
    (t) => `${josa(t.cellType.ko, "은/는")} ${t.process.ko}에 기여하는 것으로 알려져 있으나, 그 구체적인 기전은 불분명하다.`,
  ],
  [
    (t) => `본 연구에서는 ${t.model.ko}에서 ${t.method.ko}${t.method.ko.endsWith("법") ? "" : " 기법"}과 ${josa(t.method2.ko, "을/를")} 결합하여 ${t.molecule.ko}의 역할을 규명하고자 하였다.`,
    (t) => `이를 위해 ${t.stressor.ko}에 노출된 ${t.model.ko}의 ${t.region.ko} ${josa(t.cellType.ko, "을/를")} ${josa(t.method.ko, "으로/로")} 분석하였다.`,
  ],
  [
    (t) => `그 결과, ${josa(t.stressor.ko, "은/는")} ${t.region.ko} ${t.cellType.ko}의 ${josa(t.molecule.ko, "을/를")} 감소시켰으며, 이는 ${t.process.ko} 저하와 동반되었다.`,
    (t) => `${t.cellType.ko}의 선택적 억제는 ${t.process.ko} 결손을 재현하였고, 활성화는 이를 회복시켰다.`,
    (t) => `${josa(t.treatment.ko, "은/는")} ${t.molecule.ko} 수준을 정상화하고 ${josa(t.process2.ko, "을/를")} 회복시켰다.`,
  ],
  [
    (t) => `이러한 결과는 ${t.cellType.ko}의 ${josa(t.molecule.ko, "이/가")} ${t.condition.ko}의 새로운 치료 표적이 될 수 있음을 시사한다.`,
    (t) => `본 연구는 ${josa(t.region.ko, "이/가")} ${t.process.ko}에 기여하는 회로 기전을 이해하는 틀을 제공한다.`,
  ],
];

export function koreanAbstract(random: Random, t: Topic): string {
  return KO_SENTENCES.map((bank, i) => (i === 3 ? pickSentences(random, bank, 2, t).join(" ") : random.pick(bank)(t))).join(" ");
}

export function keywordsFor(random: Random, t: Topic, korean: boolean): string[] {
  const pool: Term[] = [t.condition, t.region, t.molecule, t.process, t.method, t.cellType, t.process2];
  const n = random.int(3, 6);
  const chosen = pool.slice(0, n);
  const words = chosen.map((term) => (korean && random.chance(0.6) ? term.ko : (term.keyword ?? cap(term.en))));
  return [...new Set(words)];
}
