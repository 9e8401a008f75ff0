// The dashboard's controls as plain links and a GET form: every choice is a URL, so a range can
// be bookmarked and shared, and everything works without JavaScript.
import Link from "next/link";
import { type DashboardRange, PRESETS, rangeQuery } from "@/lib/dashboard/range";
import type { Lang } from "@/lib/i18n/config";
import { dashboardMessages } from "@/lib/i18n/messages-dashboard";
import { TimeZoneHint } from "./time-zone-hint";

const CHIP = "rounded-full border px-3 py-1 text-sm no-underline";
const ON = `${CHIP} border-accent bg-accent font-medium text-accent-ink!`;
const OFF = `${CHIP} border-line bg-surface text-ink! hover:border-accent`;

export function RangeBar({ lang, path, range, defaultTz, firstDay }: { lang: Lang; path: string; range: DashboardRange; defaultTz: string; firstDay: string }) {
  const t = dashboardMessages[lang];
  return (
    <div className="space-y-3">
      <nav aria-label={t.range} className="flex flex-wrap items-center gap-2">
        {PRESETS.map((p) => (
          <Link key={p} href={`${path}${rangeQuery(range, defaultTz, { preset: p })}`} className={range.preset === p ? ON : OFF} aria-current={range.preset === p ? "page" : undefined} prefetch={false}>
            {t.presets[p]}
          </Link>
        ))}
        <details className="group relative" open={range.preset === "custom"}>
          <summary className={`${range.preset === "custom" ? ON : OFF} cursor-pointer list-none`}>{t.custom}</summary>
          <form action={path} method="get" className="mt-2 flex flex-wrap items-end gap-2 rounded-lg border border-line bg-surface p-3 sm:absolute sm:z-10 sm:w-max sm:shadow-lg">
            <label className="text-sm">
              <span className="block text-xs text-muted">{t.from}</span>
              <input type="date" name="from" defaultValue={range.from ?? firstDay} min={firstDay} max={range.to} required className="rounded-md border border-line bg-paper px-2 py-1" />
            </label>
            <label className="text-sm">
              <span className="block text-xs text-muted">{t.to}</span>
              <input type="date" name="to" defaultValue={range.to} min={firstDay} required className="rounded-md border border-line bg-paper px-2 py-1" />
            </label>
            {range.tz !== defaultTz ? <input type="hidden" name="tz" value={range.tz} /> : null}
            <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
              {t.apply}
            </button>
          </form>
        </details>
      </nav>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <nav aria-label={t.granularity} className="flex items-center gap-1">
          <span className="mr-1 text-muted">{t.granularity}</span>
          {(["day", "week", "month"] as const).map((g) => (
            <Link
              key={g}
              href={`${path}${rangeQuery(range, defaultTz, { granularity: g })}`}
              className={`rounded-md px-2 py-0.5 no-underline ${range.granularity === g ? "bg-accent-soft font-medium text-ink!" : "text-accent"}`}
              aria-current={range.granularity === g ? "true" : undefined}
              prefetch={false}
            >
              {t.granularities[g]}
            </Link>
          ))}
        </nav>
        {range.preset === "all" ? null : (
          <Link href={`${path}${rangeQuery(range, defaultTz, { compare: !range.compare })}`} prefetch={false}>
            {range.compare ? t.stopComparing : t.compare}
          </Link>
        )}
        <p className="text-muted">
          {t.timeZone.replace("{tz}", range.tz)} <TimeZoneHint current={range.tz} label={t.useMyTimeZone} />
        </p>
      </div>
    </div>
  );
}
