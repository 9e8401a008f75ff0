import { describe, expect, it } from "vitest";
import {
  contentDisposition,
  evaluatePreconditions,
  ifRangeAllowsPartial,
  parseRange,
  safeContentType,
  safeDownloadName,
  strongEtagMatch,
  weakEtagMatch,
} from "./http";

describe("parseRange", () => {
  const size = 1000;

  it("reads the three single-range forms", () => {
    expect(parseRange("bytes=0-99", size)).toEqual({ kind: "partial", start: 0, end: 99 });
    expect(parseRange("bytes=900-", size)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=-100", size)).toEqual({ kind: "partial", start: 900, end: 999 });
  });

  it("clamps an end past the last byte and a suffix longer than the file", () => {
    expect(parseRange("bytes=990-5000", size)).toEqual({ kind: "partial", start: 990, end: 999 });
    expect(parseRange("bytes=-5000", size)).toEqual({ kind: "partial", start: 0, end: 999 });
    expect(parseRange("bytes=0-99999999999999999999999", size)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("accepts a case-insensitive unit, surrounding spaces and empty list elements", () => {
    expect(parseRange(" Bytes=1-2 ", size)).toEqual({ kind: "partial", start: 1, end: 2 });
    expect(parseRange("bytes=1-2, ,", size)).toEqual({ kind: "partial", start: 1, end: 2 });
  });

  it("calls ranges that select nothing unsatisfiable", () => {
    expect(parseRange("bytes=1000-", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=1000-1001", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=99999999999999999999-", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-10", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("ignores malformed headers and multiple ranges", () => {
    for (const header of [
      null,
      "",
      "bytes=",
      "bytes=-",
      "bytes=abc",
      "bytes=5-2",
      "bytes=1.5-3",
      "bytes=+1-3",
      "bytes 0-10",
      "items=0-10",
      "bytes=0-1,5-6",
      "bytes=0-1, -5",
      `bytes=0-${"9".repeat(300)}`,
    ]) {
      expect(parseRange(header, size), String(header)).toEqual({ kind: "full" });
    }
  });
});

describe("entity tags and preconditions", () => {
  const etag = '"abc"';
  const lastModified = Date.parse("Mon, 02 Mar 2026 10:00:00 GMT");
  const validators = { etag, lastModified };
  const check = (h: Record<string, string>) => evaluatePreconditions(new Headers(h), validators);

  it("compares strongly and weakly", () => {
    expect(strongEtagMatch('"abc"', '"abc"')).toBe(true);
    expect(strongEtagMatch('W/"abc"', '"abc"')).toBe(false);
    expect(weakEtagMatch('W/"abc"', '"abc"')).toBe(true);
    expect(weakEtagMatch('"abd"', '"abc"')).toBe(false);
  });

  it("answers If-None-Match with not-modified for a matching tag, a weak one, a list or *", () => {
    expect(check({ "If-None-Match": '"abc"' })).toBe("not-modified");
    expect(check({ "If-None-Match": 'W/"abc"' })).toBe("not-modified");
    expect(check({ "If-None-Match": '"x", "abc"' })).toBe("not-modified");
    expect(check({ "If-None-Match": "*" })).toBe("not-modified");
    expect(check({ "If-None-Match": '"other"' })).toBe("proceed");
  });

  it("lets If-None-Match take precedence over If-Modified-Since", () => {
    expect(check({ "If-None-Match": '"other"', "If-Modified-Since": "Tue, 03 Mar 2026 10:00:00 GMT" })).toBe("proceed");
  });

  it("answers If-Modified-Since at whole-second precision and ignores bad dates", () => {
    expect(check({ "If-Modified-Since": "Mon, 02 Mar 2026 10:00:00 GMT" })).toBe("not-modified");
    expect(check({ "If-Modified-Since": "Mon, 02 Mar 2026 09:59:59 GMT" })).toBe("proceed");
    expect(check({ "If-Modified-Since": "not a date" })).toBe("proceed");
  });

  it("fails If-Match and If-Unmodified-Since that do not hold", () => {
    expect(check({ "If-Match": '"other"' })).toBe("precondition-failed");
    expect(check({ "If-Match": 'W/"abc"' })).toBe("precondition-failed");
    expect(check({ "If-Match": '"abc"' })).toBe("proceed");
    expect(check({ "If-Match": "*" })).toBe("proceed");
    expect(check({ "If-Unmodified-Since": "Sun, 01 Mar 2026 10:00:00 GMT" })).toBe("precondition-failed");
    expect(check({ "If-Unmodified-Since": "Mon, 02 Mar 2026 10:00:00 GMT" })).toBe("proceed");
  });

  it("honours a Range only when If-Range names the current representation", () => {
    const allows = (h: Record<string, string>) => ifRangeAllowsPartial(new Headers(h), validators);
    expect(allows({})).toBe(true);
    expect(allows({ "If-Range": '"abc"' })).toBe(true);
    expect(allows({ "If-Range": '"old"' })).toBe(false);
    expect(allows({ "If-Range": 'W/"abc"' })).toBe(false);
    expect(allows({ "If-Range": "Mon, 02 Mar 2026 10:00:00 GMT" })).toBe(true);
    expect(allows({ "If-Range": "Mon, 02 Mar 2026 10:00:01 GMT" })).toBe(false);
    expect(allows({ "If-Range": "garbage" })).toBe(false);
  });
});

/** The value of one parameter of a Content-Disposition header, decoded. */
function dispositionParams(header: string) {
  const quoted = /filename="((?:[^"\\]|\\.)*)"/.exec(header);
  const extended = /filename\*=UTF-8''([^;\s]*)/.exec(header);
  return { filename: quoted?.[1], filenameStar: extended ? decodeURIComponent(extended[1]) : undefined };
}

describe("contentDisposition", () => {
  it("gives an ASCII name as is, in both parameters", () => {
    const header = contentDisposition("Kim et al. 2023.pdf");
    expect(header).toBe(`inline; filename="Kim et al. 2023.pdf"; filename*=UTF-8''Kim%20et%20al.%202023.pdf`);
  });

  it("encodes non-ASCII names in filename* and replaces them in the fallback", () => {
    const header = contentDisposition("정서 인지 질환 연구.pdf");
    expect(dispositionParams(header)).toEqual({ filename: "__ __ __ __.pdf", filenameStar: "정서 인지 질환 연구.pdf" });
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it("keeps quotes, backslashes, control characters and bidi overrides out", () => {
    const header = contentDisposition('a"b\\c\r\nContent-Type: text/html\u0000\u202Efdp.exe');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const { filename, filenameStar } = dispositionParams(header);
    expect(filename).toBe("a_b_cContent-Type: text_htmlfdp.exe");
    expect(filenameStar).toBe('a"b_cContent-Type: text_htmlfdp.exe');
    expect(/filename\*=UTF-8''(.*)$/.exec(header)?.[1]).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
  });

  it("percent-encodes the characters RFC 8187 forbids that encodeURIComponent leaves", () => {
    expect(contentDisposition("it's (final)*.pdf")).toContain("filename*=UTF-8''it%27s%20%28final%29%2A.pdf");
    expect(dispositionParams(contentDisposition("100%.pdf")).filename).toBe("100_.pdf");
  });

  it("never offers a path, an empty name or an endless one", () => {
    expect(safeDownloadName("../../etc/passwd")).toBe(".._.._etc_passwd");
    expect(safeDownloadName("")).toBe("download");
    expect(safeDownloadName("\u0000\u0001")).toBe("download");
    expect(safeDownloadName("..")).toBe("download");
    const long = safeDownloadName(`${"가".repeat(5000)}.pdf`);
    expect(Array.from(long)).toHaveLength(180);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(safeDownloadName("bad \ud800 surrogate.pdf")).toBe("bad \ufffd surrogate.pdf");
  });
});

describe("safeContentType", () => {
  it("keeps well-formed media types and replaces anything else", () => {
    expect(safeContentType("application/pdf")).toBe("application/pdf");
    expect(safeContentType("text/plain; charset=utf-8")).toBe("text/plain; charset=utf-8");
    expect(safeContentType("text/html\r\nSet-Cookie: x=1")).toBe("application/octet-stream");
    expect(safeContentType("pdf")).toBe("application/octet-stream");
    expect(safeContentType("")).toBe("application/octet-stream");
  });
});
