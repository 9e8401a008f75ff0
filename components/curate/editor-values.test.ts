import { describe, expect, it } from "vitest";
import { toFormValues } from "./item-form-values";
import { withTyped } from "./editor-values";

describe("values typed before hydration", () => {
  it("takes over text, choices and checkboxes from the controls and leaves the rest", () => {
    const start = { title: "Old", tags: ["1"], visible: "on", other: "kept" };
    const controls: Record<string, string | string[]> = { title: "New title", tags: ["2", "3"], visible: "" };
    expect(withTyped(start, (name) => controls[name])).toEqual({ title: "New title", tags: ["2", "3"], visible: "", other: "kept" });
  });

  it("does not mix kinds: a list stays a list, a text stays a text, contributors are left alone", () => {
    const start = toFormValues({ title: "T", contributors: [{ name: "Kim", role: "AUTHOR" } as never], mappedCollectionIds: [4] });
    const typed = withTyped(start, (name) => (name === "title" ? ["x"] : name === "mappedCollectionIds" ? "5" : name === "contributors" ? "?" : undefined));
    expect(typed).toEqual(start);
  });
});
