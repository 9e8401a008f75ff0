import { describe, expect, it } from "vitest";
import { fieldText, reapply, toFormData, toFormValues } from "./item-form-values";
import { ZItemFields } from "@/lib/curate/items/schema";

describe("editor values", () => {
  const base = toFormValues({ type: "BOOK", title: "Old", publisher: "P", keywords: ["a"], collectionId: 1, contributors: [{ name: "Kim", role: "AUTHOR", affiliation: null, orcid: null, researcherId: null }] });

  it("puts the curator's edits onto the newer version and keeps the others' changes", () => {
    const mine = { ...base, title: "Mine" };
    const current = { ...base, publisher: "Theirs", keywords: "a\nb" };
    const merged = reapply(base, mine, current);
    expect(merged).toMatchObject({ title: "Mine", publisher: "Theirs", keywords: "a\nb" });
  });

  it("round-trips through the form data and the schema", () => {
    const parsed = ZItemFields.parse(Object.fromEntries([...toFormData(base).entries()]));
    expect(parsed).toMatchObject({ type: "BOOK", title: "Old", keywords: ["a"], collectionId: 1, contributors: [{ name: "Kim", role: "AUTHOR", researcherId: null }] });
    expect(fieldText(toFormValues(parsed), "contributors")).toBe(fieldText(base, "contributors"));
  });
});
