import { describe, expect, it } from "vitest";
import { asksNotToTrack, isCountedDownload, isPrefetch, isRobotUserAgent } from "./counter-rules";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";

describe("COUNTER robots", () => {
  it("lets ordinary browsers through", () => {
    expect(isRobotUserAgent(FIREFOX)).toBe(false);
    expect(isRobotUserAgent(CHROME)).toBe(false);
  });
  it("treats an empty or missing user agent as a robot", () => {
    expect(isRobotUserAgent("")).toBe(true);
    expect(isRobotUserAgent("   ")).toBe(true);
    expect(isRobotUserAgent(null)).toBe(true);
  });
  it("matches COUNTER's patterns case-insensitively, headless Chrome included", () => {
    expect(isRobotUserAgent(HEADLESS)).toBe(true);
    expect(isRobotUserAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe(true);
    expect(isRobotUserAgent("MOZILLA/5.0 (COMPATIBLE; GOOGLEBOT/2.1)")).toBe(true);
    expect(isRobotUserAgent("python-requests/2.31.0")).toBe(true);
    expect(isRobotUserAgent("curl/8.5.0")).toBe(true);
    expect(isRobotUserAgent("Buck/2.2; (+https://app.hypefactors.com/media-monitoring/about.html)")).toBe(true);
  });
});

describe("prefetches", () => {
  it("never count", () => {
    expect(isPrefetch(new Headers({ "Next-Router-Prefetch": "1" }))).toBe(true);
    expect(isPrefetch(new Headers({ Purpose: "prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ "Sec-Purpose": "prefetch;prerender" }))).toBe(true);
    expect(isPrefetch(new Headers({ Accept: "text/html" }))).toBe(false);
  });
});

describe("downloads", () => {
  it("count successful GETs once: 200, or the range that starts at byte 0", () => {
    expect(isCountedDownload("GET", 200, null)).toBe(true);
    expect(isCountedDownload("GET", 206, "bytes 0-1023/50000")).toBe(true);
    expect(isCountedDownload("GET", 206, "bytes 1024-49999/50000")).toBe(false);
    expect(isCountedDownload("HEAD", 200, null)).toBe(false);
    for (const status of [304, 403, 404, 410, 416, 500]) expect(isCountedDownload("GET", status, null)).toBe(false);
  });
});

describe("privacy signals", () => {
  it("reads DNT and Sec-GPC", () => {
    expect(asksNotToTrack(new Headers({ DNT: "1" }))).toBe(true);
    expect(asksNotToTrack(new Headers({ "Sec-GPC": "1" }))).toBe(true);
    expect(asksNotToTrack(new Headers({ DNT: "0" }))).toBe(false);
  });
});
