"use client";
// Offers the reader's own time zone when the dashboard counts days in another one. The server
// cannot know it (no cookie, no header carries it), so this link appears once the page runs.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const onServer = () => null;

export function TimeZoneHint({ current, label }: { current: string; label: string }) {
  const tz = useSyncExternalStore(subscribe, browserTimeZone, onServer);
  if (!tz || tz === current) return null;
  const url = new URL(window.location.href);
  url.searchParams.set("tz", tz);
  return <a href={`${url.pathname}${url.search}`}>{label.replace("{tz}", tz)}</a>;
}
