// The one reader of process.env. Every setting Atrium understands is listed here, validated
// once, and documented in the README's configuration section.
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const ZEnv = z.object({
  /** A PostgreSQL server. Without it, Atrium runs on the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "must start with postgres:// or postgresql://",
    }),
  /** Folder for the embedded database and stored files. */
  DATA_DIR: z.string().trim().min(1).default("./data"),
  /** Folder for file contents (local storage backend). */
  STORAGE_DIR: z.string().trim().min(1).optional(),
  /** An S3-compatible store for file contents instead of STORAGE_DIR: S3_BUCKET enables it. */
  S3_BUCKET: optionalString,
  S3_ENDPOINT: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: "must be an http(s) URL" }),
  S3_REGION: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Largest file a curator may upload, in bytes (default 512 MiB). */
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(1024 ** 4).default(512 * 1024 * 1024),
  MAX_PHOTO_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().trim().min(1).default("0.0.0.0"),
  /** The public base URL, used in canonical links, feeds and machine interfaces. */
  SITE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, "") : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), { message: "must be an http(s) URL" }),
  /** Maximum connections in the PostgreSQL pool of one server process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** IANA time zone in which dashboards count days unless the reader picks another. */
  TIME_ZONE: z
    .string()
    .trim()
    .default("UTC")
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", { message: "must be an IANA time zone such as Asia/Seoul" }),
  /** Signs session cookies. Without it, a secret is generated once and kept in the database. */
  AUTH_SECRET: z.string().trim().min(32, { message: "must be at least 32 characters" }).optional(),
  /** A session ends this many seconds after sign-in (default 8 hours). */
  AUTH_SESSION_MAX_AGE: z.coerce.number().int().min(60).max(60 * 60 * 24 * 90).default(8 * 60 * 60),
  /** First administrator, created on start when no administrator exists. */
  ATRIUM_ADMIN_EMAIL: optionalString.refine((v) => v === undefined || /^[^@\s]+@[^@\s]+$/.test(v), { message: "must be an email address" }),
  ATRIUM_ADMIN_PASSWORD: optionalString,
  /** Institutional single sign-on (OpenID Connect): all three enable it. */
  ATRIUM_OIDC_ISSUER: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: "must be an http(s) URL" }),
  ATRIUM_OIDC_CLIENT_ID: optionalString,
  ATRIUM_OIDC_CLIENT_SECRET: optionalString,
  /** The sign-in button's label, e.g. the institute's name. */
  ATRIUM_OIDC_NAME: optionalString,
  /** Create an account (role researcher) for an unknown email signing in through SSO. */
  ATRIUM_OIDC_CREATE_USERS: z.enum(["true", "false", "1", "0"]).optional().transform((v) => v === "true" || v === "1"),
  /** ORCID sign-in for researchers: both enable it. */
  ATRIUM_ORCID_CLIENT_ID: optionalString,
  ATRIUM_ORCID_CLIENT_SECRET: optionalString,
  /** https://sandbox.orcid.org for ORCID's test registry. */
  ATRIUM_ORCID_ISSUER: z.string().trim().url().default("https://orcid.org"),
  /** Proxies whose X-Forwarded-For is believed (usage counting, sign-in limits): addresses or CIDR ranges, comma-separated. */
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default("127.0.0.1, ::1")
    .refine((v) => v.split(",").every((s) => !s.trim() || /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(s.trim())), {
      message: "must be a comma-separated list of IP addresses or CIDR ranges",
    }),
  /** Seconds an anonymous visitor's public page is answered from the server's response cache (0: off). A save through Atrium empties it at once. */
  RESPONSE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Memory for that cache, in MiB. */
  RESPONSE_CACHE_MB: z.coerce.number().int().min(1).max(16384).default(64),
  /** Requests one anonymous client may make to /api/v1 per window; 0 turns the limit off. */
  API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Length of the API rate-limit window in seconds. */
  API_RATE_LIMIT_WINDOW: z.coerce.number().int().min(1).max(86_400).default(60),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type Env = z.infer<typeof ZEnv>;

export class ConfigError extends Error {}

/** Parse an environment; throws ConfigError with one readable line per problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join("; ")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

export function dataDir(e: Env = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR);
}

export function pgliteDir(e: Env = env()): string {
  return path.join(dataDir(e), "pglite");
}

export function storageDir(e: Env = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ e.STORAGE_DIR ?? path.join(dataDir(e), "storage"));
}

export function siteUrl(e: Env = env()): string {
  return e.SITE_URL ?? `http://localhost:${e.PORT}`;
}
