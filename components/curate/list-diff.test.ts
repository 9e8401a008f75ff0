import { describe, expect, it } from "vitest";
import { listDiff } from "./list-diff";

describe("list changes", () => {
  it("marks the one keyword that changed, not the whole list", () => {
    const d = listDiff(["수면", "기억", "hippocampus"], ["수면", "기억 공고화", "hippocampus"]);
    expect(d.before.filter((m) => m.changed).map((m) => m.text)).toEqual(["기억"]);
    expect(d.after.filter((m) => m.changed).map((m) => m.text)).toEqual(["기억 공고화"]);
    expect(d.after.map((m) => m.text)).toEqual(["수면", "기억 공고화", "hippocampus"]);
  });

  it("counts repeated entries, and a reordering changes nothing", () => {
    expect(listDiff(["a", "a", "b"], ["a", "b"]).before.map((m) => m.changed)).toEqual([false, true, false]);
    const moved = listDiff(["a", "b"], ["b", "a"]);
    expect([...moved.before, ...moved.after].some((m) => m.changed)).toBe(false);
  });

  it("an empty side: everything on the other side is removed or added", () => {
    expect(listDiff([], ["x"]).after).toEqual([{ text: "x", changed: true }]);
    expect(listDiff(["x"], []).before).toEqual([{ text: "x", changed: true }]);
  });
});
