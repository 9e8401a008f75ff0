// The error page's words, apart from the other messages: the error boundaries are client code
// loaded on every page, and should not carry the whole dictionary.
export const errorMessages = {
  en: {
    title: "Something went wrong",
    body: "The page could not be shown just now. Please try again in a moment.",
    retry: "Try again",
    reference: "Reference",
  },
  ko: {
    title: "문제가 발생했습니다",
    body: "지금은 페이지를 표시할 수 없습니다. 잠시 후 다시 시도해 주세요.",
    retry: "다시 시도",
    reference: "참조 번호",
  },
} as const;
