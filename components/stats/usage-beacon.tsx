"use client";
// Reports a page view once the page is shown: cached pages cannot count views while rendering.
// Without JavaScript the <noscript> pixel does the same.
import { useEffect } from "react";

type Props = { type: "item" | "researcher" | "unit"; id: number };

export function UsageBeacon({ type, id }: Props) {
  useEffect(() => {
    const body = JSON.stringify({ type, id, ref: document.referrer || undefined });
    // sendBeacon survives the page being left; fetch with keepalive where it is missing.
    if (!navigator.sendBeacon?.("/api/v1/events", body)) {
      void fetch("/api/v1/events", { method: "POST", body, keepalive: true, headers: { "Content-Type": "application/json" } }).catch(() => {});
    }
  }, [type, id]);
  return (
    <noscript>
      {/* eslint-disable-next-line @next/next/no-img-element -- a tracking pixel, not an image */}
      <img src={`/api/v1/events?type=${type}&id=${id}`} alt="" width={1} height={1} className="absolute h-px w-px opacity-0" />
    </noscript>
  );
}
