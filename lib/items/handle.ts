// Handles ("prefix/n") as they arrive in URLs.
export const HANDLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.\-_]{0,63}\/[A-Za-z0-9.\-_]{1,64}$/;

export function isHandle(value: string): boolean {
  return HANDLE_PATTERN.test(value);
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** "prefix/n" from a route's two segments, or null when one is not valid percent-encoding. */
export function handleFromSegments(prefix: string, n: string): string | null {
  const p = decodeSegment(prefix);
  const m = decodeSegment(n);
  return p && m ? `${p}/${m}` : null;
}
