/** Where to go after signing in: only a path on this site, never another origin. */
export function safeReturnPath(value: unknown, fallback = "/curate"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f]/.test(value)) return fallback;
  return value;
}
