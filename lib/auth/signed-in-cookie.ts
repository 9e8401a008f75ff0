/** A cookie scripts may read, present while the browser holds a session (kept by proxy.ts). */
export const SIGNED_IN_COOKIE = "atrium_signed_in";
