import { describe, expect, it, vi } from "vitest";

// The download route reads the session through Auth.js; only the counting rule is tested here.
vi.mock("../auth/config", () => ({ auth: async () => null }));
const { countsAsPublicDownload } = await import("./download");

describe("which downloads count as public usage", () => {
  it("counts open files by the COUNTER rules and never staff reading withheld files", () => {
    expect(countsAsPublicDownload("GET", 200, null, { kind: "open" })).toBe(true);
    expect(countsAsPublicDownload("GET", 206, "bytes 0-99/1000", { kind: "open" })).toBe(true);
    expect(countsAsPublicDownload("GET", 206, "bytes 100-199/1000", { kind: "open" })).toBe(false);
    expect(countsAsPublicDownload("HEAD", 200, null, { kind: "open" })).toBe(false);
    expect(countsAsPublicDownload("GET", 200, null, { kind: "private" })).toBe(false);
    expect(countsAsPublicDownload("GET", 403, null, { kind: "restricted" })).toBe(false);
    expect(countsAsPublicDownload("GET", 200, null, null)).toBe(false);
  });
});
