// The bordered box with a heading that profile, unit and collection pages are built from: one look
// for every "box" of content, its heading naming the region for screen readers.
import type { ReactNode } from "react";

export function SectionCard({
  title,
  id,
  children,
  action,
  size = "base",
  className = "",
}: {
  title: ReactNode;
  id: string;
  children: ReactNode;
  /** Shown at the right of the heading: a count, a feed link. */
  action?: ReactNode;
  size?: "base" | "lg";
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={`min-w-0 rounded-xl border border-line bg-surface p-5 sm:p-6 ${className}`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={id} className={`${size === "lg" ? "text-lg" : "text-base"} font-semibold tracking-tight`}>
          {title}
        </h2>
        {action ? <div className="text-sm text-muted">{action}</div> : null}
      </div>
      {children}
    </section>
  );
}
