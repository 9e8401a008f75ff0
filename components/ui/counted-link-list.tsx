// A list of links with a number after each (sub-units with their items, co-authors with joint
// publications): the name may wrap, the number stays aligned at the right.
import Link from "next/link";

export type CountedLink = { href: string; label: string; count: string; key?: string; lang?: string };

export function CountedLinkList({ items, className = "" }: { items: CountedLink[]; className?: string }) {
  return (
    <ul className={`space-y-1.5 ${className}`}>
      {items.map((item) => (
        <li key={item.key ?? item.href} className="flex items-baseline justify-between gap-3">
          <Link href={item.href} prefetch={false} className="min-w-0" lang={item.lang}>
            {item.label}
          </Link>
          <span className="shrink-0 text-sm tabular-nums text-muted">{item.count}</span>
        </li>
      ))}
    </ul>
  );
}
