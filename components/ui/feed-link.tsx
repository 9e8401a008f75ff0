// A visible link to an Atom feed, with the usual feed symbol.
export function FeedLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} type="application/atom+xml" className="inline-flex items-center gap-1 text-sm">
      <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="currentColor" className="shrink-0">
        <circle cx="3" cy="13" r="2" />
        <path d="M1 6.5a8.5 8.5 0 0 1 8.5 8.5h-2.2A6.3 6.3 0 0 0 1 8.7zM1 1.5A13.5 13.5 0 0 1 14.5 15h-2.2A11.3 11.3 0 0 0 1 3.7z" />
      </svg>
      {label}
    </a>
  );
}
