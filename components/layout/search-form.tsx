// The site search box: a plain GET form, so it works before (and without) JavaScript. With
// `suggestions` (the header's box), typing also lists matching researchers, units and items.
import { SearchSuggest } from "@/components/search/search-suggest";
import type { Lang } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";
import { searchMessages } from "@/lib/i18n/messages-search";

export function SearchForm({
  t,
  size = "compact",
  id,
  defaultValue,
  children,
  suggestions,
}: {
  t: Messages;
  size?: "compact" | "large";
  id: string;
  /** The current query, on the search page. */
  defaultValue?: string;
  /** Extra fields sent with the query (the search page's active filters). */
  children?: React.ReactNode;
  /** Suggest as the person types, in this interface language. */
  suggestions?: Lang;
}) {
  const large = size === "large";
  const inputClass = `min-w-0 flex-1 rounded-lg border border-line bg-surface text-ink placeholder:text-muted focus:border-accent ${
    large ? "px-4 py-3 text-base sm:text-lg" : "px-3 py-2 text-sm"
  }`;
  return (
    <form action="/search" method="get" role="search" aria-label={t.search.label} className="flex w-full gap-2">
      <label htmlFor={id} className="sr-only">
        {t.search.label}
      </label>
      {children}
      {suggestions ? (
        <SearchSuggest id={id} lang={suggestions} placeholder={t.search.placeholder} className={`w-full ${inputClass}`} t={searchMessages[suggestions].suggest} />
      ) : (
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder={t.search.placeholder}
          autoComplete="off"
          enterKeyHint="search"
          className={inputClass}
        />
      )}
      <button
        type="submit"
        className={`shrink-0 rounded-lg bg-accent font-semibold text-accent-ink hover:opacity-90 ${large ? "px-5 py-3 text-base" : "px-3 py-2 text-sm"}`}
      >
        {t.search.button}
      </button>
    </form>
  );
}
