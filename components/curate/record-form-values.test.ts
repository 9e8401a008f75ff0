import { describe, expect, it } from "vitest";
import { fieldText, reapply, toFormData, toFormValues } from "./record-form-values";

describe("record form values", () => {
  it("turns stored values into form values", () => {
    const v = toFormValues({ name: "구자욱", variants: ["a", "b"], unitIds: [3, 1], show: true, parentId: null, links: [{ label: "Lab", url: "https://x" }, { label: "", url: "https://y" }] }, ["name", "variants", "unitIds", "show", "parentId", "links"]);
    expect(v).toEqual({ name: "구자욱", variants: "a\nb", unitIds: ["3", "1"], show: "on", parentId: "", links: "Lab | https://x\nhttps://y" });
    expect(fieldText(v, "unitIds")).toBe("1\n3");
  });

  it("reapplies only the fields I changed onto the saved version", () => {
    const base = { name: "A", position: "", unitIds: ["1"] };
    const mine = { name: "A", position: "Professor", unitIds: ["1"] };
    const theirs = { name: "B", position: "", unitIds: ["1", "2"] };
    expect(reapply(base, mine, theirs)).toEqual({ name: "B", position: "Professor", unitIds: ["1", "2"] });
  });

  it("sends multiple choices as repeated fields", () => {
    const form = toFormData({ unitIds: ["1", "2"], name: "x" }, { id: 4, version: 2 });
    expect(form.getAll("unitIds[]")).toEqual(["1", "2"]);
    expect(form.get("version")).toBe("2");
  });
});
