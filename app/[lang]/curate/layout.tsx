// The curator workspace (/curate/...): signed-in users only, never indexed (robots.txt also
// disallows it) and never cached publicly — every page reads the session inside <Suspense>, so
// it is rendered per request with a private, no-store response.
import type { Metadata } from "next";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function CurateLayout({ children }: LayoutProps<"/[lang]/curate">) {
  return children;
}
