// Interface text of the browse indexes, in each interface language.
import type { Lang } from "./config";

const en = {
  title: "Browse",
  tabsLabel: "Browse by",
  tabs: { date: "Issue date", author: "Author", title: "Title", subject: "Subject", type: "Type" },
  headings: {
    date: "Browse by issue date",
    author: "Browse by author",
    title: "Browse by title",
    subject: "Browse by subject",
    type: "Browse by type",
  },
  overview: {
    date: "Choose a year to see what was published in it.",
    author: "Choose a letter to see the authors whose names begin with it. Korean names written in Hangul are under 가나다.",
    title: "Choose a letter to see the titles that begin with it. Leading “A”, “An” and “The” are ignored.",
    subject: "Choose a letter to see the subjects and keywords that begin with it.",
    type: "Choose a type to see its items.",
  },
  jumpBar: "Jump to a letter",
  latin: "A–Z",
  hangul: "가나다",
  otherLetter: "0–9 and other",
  otherShort: "#",
  undated: "No date",
  itemCount: (n: string, one: boolean) => `${n} ${one ? "item" : "items"}`,
  headingCount: (n: string, index: "author" | "subject") => `${n} ${index === "author" ? "names" : "terms"}`,
  titleCount: (n: string) => `${n} titles`,
  yearHeading: (year: string) => `Published in ${year}`,
  undatedHeading: "Published without a date",
  letterHeading: (index: "author" | "title" | "subject", letter: string) =>
    `${index === "author" ? "Authors" : index === "title" ? "Titles" : "Subjects"} under ${letter}`,
  headingItems: (index: "author" | "subject", heading: string) => (index === "author" ? `Items by ${heading}` : `Items on ${heading}`),
  researcherProfile: "Researcher profile",
  profileOf: (name: string) => `Researcher profile of ${name}`,
  showing: (from: string, to: string, total: string) => `Showing ${from}–${to} of ${total}`,
  pagination: "Pages",
  previous: "Previous",
  next: "Next",
  page: (n: string) => `Page ${n}`,
  total: "Total",
};

export type BrowseMessages = typeof en;

const ko: BrowseMessages = {
  title: "둘러보기",
  tabsLabel: "둘러보기 기준",
  tabs: { date: "발행일", author: "저자", title: "제목", subject: "주제", type: "유형" },
  headings: {
    date: "발행일로 둘러보기",
    author: "저자로 둘러보기",
    title: "제목으로 둘러보기",
    subject: "주제로 둘러보기",
    type: "유형으로 둘러보기",
  },
  overview: {
    date: "연도를 고르면 그해 발행된 자료를 볼 수 있습니다.",
    author: "글자를 고르면 그 글자로 시작하는 저자를 볼 수 있습니다. 로마자로 적힌 한국 이름은 A–Z에 있습니다.",
    title: "글자를 고르면 그 글자로 시작하는 제목을 볼 수 있습니다. 영어 제목 앞의 A, An, The는 무시합니다.",
    subject: "글자를 고르면 그 글자로 시작하는 주제어와 키워드를 볼 수 있습니다.",
    type: "유형을 고르면 해당 자료를 볼 수 있습니다.",
  },
  jumpBar: "글자로 이동",
  latin: "A–Z",
  hangul: "가나다",
  otherLetter: "숫자와 기타",
  otherShort: "#",
  undated: "발행일 없음",
  itemCount: (n: string) => `${n}건`,
  headingCount: (n: string, index: "author" | "subject") => (index === "author" ? `${n}명` : `${n}개`),
  titleCount: (n: string) => `${n}건`,
  yearHeading: (year: string) => `${year}년 발행`,
  undatedHeading: "발행일이 없는 자료",
  letterHeading: (index: "author" | "title" | "subject", letter: string) =>
    `${letter}(으)로 시작하는 ${index === "author" ? "저자" : index === "title" ? "제목" : "주제"}`,
  headingItems: (index: "author" | "subject", heading: string) => (index === "author" ? `${heading}의 자료` : `주제: ${heading}`),
  researcherProfile: "연구자 정보",
  profileOf: (name: string) => `${name} 연구자 정보`,
  showing: (from: string, to: string, total: string) => `${from}–${to} / 전체 ${total}`,
  pagination: "페이지",
  previous: "이전",
  next: "다음",
  page: (n: string) => `${n}쪽`,
  total: "합계",
};

export const browseMessages: Record<Lang, BrowseMessages> = { en, ko };
