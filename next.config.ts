import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";

// Fail the build, not the first request, when the environment is wrong.
parseEnv();

const nextConfig: NextConfig = {
  // Public pages are cached ("use cache" + cache tags) and revalidated when data changes.
  cacheComponents: true,
  // Item pages render fully on their first visit (crawlers read the whole page and its <head>),
  // then come from the cache; no streamed fallback shell.
  partialPrefetching: false,
  // PGlite's wasm/data files must stay in node_modules: bundled, they would land in the public
  // static folder, and a client first created from a Server Component would fail.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Types are checked by `npm run typecheck` (CI); a user's `npm start` should not pay for it.
  typescript: { ignoreBuildErrors: true },
  // Unmatched URLs outside the language tree (e.g. /files/…) still get a readable page.
  experimental: {
    globalNotFound: true,
    // forbidden() answers a signed-in user without the right with a real 403 (app/[lang]/forbidden.tsx).
    authInterrupts: true,
    // Import files reach the dry-run action as form data: up to the import limit (25 MB) plus the form.
    serverActions: { bodySizeLimit: "26mb" },
    proxyClientMaxBodySize: "26mb",
  },
};

export default nextConfig;
