import { describe, expect, it } from "vitest";
import { ItemType } from "../generated/prisma/enums";
import { ITEM_TYPES } from "./types";

describe("ITEM_TYPES", () => {
  it("holds exactly the values of the database enum", () => {
    expect([...ITEM_TYPES].sort()).toEqual(Object.values(ItemType).sort());
  });
});
