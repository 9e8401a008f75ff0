import { describe, expect, it } from "vitest";
import { canReadRestrictedFile, decideFileAccess, formatEmbargoDate, nextAccessChange } from "./access";
import { escapeHtml, html, renderFilePage, embargoedPage } from "./pages";

const NOW = new Date("2026-06-15T12:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const noItemEmbargo = { embargoUntil: null };

describe("decideFileAccess", () => {
  it("opens open files", () => {
    expect(decideFileAccess({ access: "OPEN", embargoUntil: null }, noItemEmbargo, NOW, null)).toEqual({ kind: "open" });
  });

  it("keeps an embargoed file closed until its day, and opens it on that day", () => {
    const file = { access: "EMBARGOED" as const, embargoUntil: day("2026-06-16") };
    expect(decideFileAccess(file, noItemEmbargo, NOW, null)).toEqual({ kind: "embargoed", until: day("2026-06-16") });
    expect(decideFileAccess({ ...file, embargoUntil: day("2026-06-15") }, noItemEmbargo, NOW, null)).toEqual({ kind: "open" });
    expect(decideFileAccess({ ...file, embargoUntil: day("2020-01-01") }, noItemEmbargo, NOW, null)).toEqual({ kind: "open" });
  });

  it("keeps an embargoed file without a date closed", () => {
    expect(decideFileAccess({ access: "EMBARGOED", embargoUntil: null }, noItemEmbargo, NOW, null)).toEqual({
      kind: "embargoed",
      until: null,
    });
  });

  it("applies the item's embargo to every file, and the later of two dates", () => {
    const item = { embargoUntil: day("2027-01-01") };
    expect(decideFileAccess({ access: "OPEN", embargoUntil: null }, item, NOW, null)).toEqual({ kind: "embargoed", until: item.embargoUntil });
    expect(decideFileAccess({ access: "EMBARGOED", embargoUntil: day("2028-01-01") }, item, NOW, null)).toEqual({
      kind: "embargoed",
      until: day("2028-01-01"),
    });
    expect(decideFileAccess({ access: "OPEN", embargoUntil: null }, { embargoUntil: day("2026-01-01") }, NOW, null)).toEqual({ kind: "open" });
  });

  it("keeps restricted files closed to anonymous readers and to accounts without rights on the item", () => {
    const file = { access: "RESTRICTED" as const, embargoUntil: null };
    expect(canReadRestrictedFile(null, file)).toBe(false);
    expect(canReadRestrictedFile({ userId: 1, role: "CURATOR", mayManageItem: false }, file)).toBe(false);
    expect(decideFileAccess(file, noItemEmbargo, NOW, { userId: 1, role: "RESEARCHER", mayManageItem: false })).toEqual({ kind: "restricted" });
    expect(decideFileAccess(file, noItemEmbargo, NOW, null)).toEqual({ kind: "restricted" });
    expect(decideFileAccess(file, { embargoUntil: day("2020-01-01") }, NOW, null)).toEqual({ kind: "restricted" });
  });

  it("serves restricted and embargoed files privately to those with rights on the item", () => {
    const staff = { userId: 1, role: "CURATOR" as const, mayManageItem: true };
    expect(decideFileAccess({ access: "RESTRICTED", embargoUntil: null }, noItemEmbargo, NOW, staff)).toEqual({ kind: "private" });
    expect(decideFileAccess({ access: "EMBARGOED", embargoUntil: day("2028-01-01") }, noItemEmbargo, NOW, staff)).toEqual({ kind: "private" });
    expect(decideFileAccess({ access: "EMBARGOED", embargoUntil: null }, noItemEmbargo, NOW, staff)).toEqual({ kind: "private" });
    expect(decideFileAccess({ access: "OPEN", embargoUntil: null }, { embargoUntil: day("2028-01-01") }, NOW, staff)).toEqual({ kind: "private" });
    // An open file is open to everyone alike (and counted as usage).
    expect(decideFileAccess({ access: "OPEN", embargoUntil: null }, noItemEmbargo, NOW, staff)).toEqual({ kind: "open" });
  });

  it("formats embargo days as calendar dates", () => {
    expect(formatEmbargoDate(day("2027-03-01"))).toBe("2027-03-01");
  });
});

describe("file pages", () => {
  it("escapes every interpolated value, in text and attributes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const evil = `"><script>alert(1)</script>`;
    expect(html`<a title="${evil}">${evil}</a>`.value).toBe(
      `<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>`,
    );
  });

  it("renders a complete bilingual page", () => {
    const page = renderFilePage(
      embargoedPage({ fileName: "<b>x</b>.pdf", itemTitle: "A & B", itemPath: "/handle/1/2" }, day("2027-03-01")),
    );
    expect(page.startsWith("<!doctype html><html lang=\"en\">")).toBe(true);
    expect(page).toContain('<section lang="ko">');
    expect(page).toContain("&lt;b&gt;x&lt;/b&gt;.pdf");
    expect(page).toContain("A &amp; B");
    expect(page).toContain("prefers-color-scheme:dark");
    expect(page.match(/2027-03-01/g)?.length).toBeGreaterThanOrEqual(4); // two <time>s, each with datetime
  });
});

describe("nextAccessChange", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it("finds when the next file opens, so cached pages can expire then", () => {
    const files = [
      { access: "EMBARGOED" as const, embargoUntil: new Date("2026-03-01") },
      { access: "EMBARGOED" as const, embargoUntil: new Date("2026-02-01") },
      { access: "EMBARGOED" as const, embargoUntil: new Date("2025-02-01") },
      { access: "OPEN" as const, embargoUntil: null },
    ];
    expect(nextAccessChange(files, { embargoUntil: null }, now)).toEqual(new Date("2026-02-01"));
    expect(nextAccessChange(files, { embargoUntil: new Date("2026-01-15") }, now)).toEqual(new Date("2026-01-15"));
    expect(nextAccessChange([{ access: "OPEN", embargoUntil: null }], { embargoUntil: null }, now)).toBeUndefined();
  });
});
