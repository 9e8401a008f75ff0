import { describe, expect, it } from "vitest";
import * as P from "./permissions";
import type { PermissionUser } from "./permissions";

// Tree: institute(1) › research division(2) › emotion group(3); institute(1) › admin division(4).
const INSTITUTE = [1];
const DIVISION = [1, 2];
const GROUP = [1, 2, 3];
const OTHER = [1, 4];

const base = { active: true, researcherId: null, unitIds: [] as number[] };
const users: Record<string, PermissionUser> = {
  admin: { ...base, id: 1, role: "ADMIN" },
  curatorOfGroup: { ...base, id: 2, role: "CURATOR", unitIds: [3] },
  curatorOfParent: { ...base, id: 3, role: "CURATOR", unitIds: [2] },
  curatorOfOther: { ...base, id: 4, role: "CURATOR", unitIds: [4] },
  curatorWithoutUnits: { ...base, id: 5, role: "CURATOR" },
  researcherOwn: { ...base, id: 6, role: "RESEARCHER", researcherId: 70 },
  researcherOther: { ...base, id: 7, role: "RESEARCHER", researcherId: 71 },
  inactiveAdmin: { ...base, id: 8, role: "ADMIN", active: false },
  inactiveCurator: { ...base, id: 9, role: "CURATOR", unitIds: [3], active: false },
};

const item = { unitPath: GROUP, researcherIds: [70] };
const researcher = { id: 70, unitPaths: [GROUP] };
const unit = { path: GROUP };

// Every named permission, applied to the same targets (an item, a researcher, a unit in the
// emotion group), and who may do it.
const matrix: Record<string, [(u: PermissionUser) => boolean, string[]]> = {
  canUseWorkspace: [(u) => P.canUseWorkspace(u), ["admin", "curatorOfGroup", "curatorOfParent", "curatorOfOther", "curatorWithoutUnits", "researcherOwn", "researcherOther"]],
  canViewCuratorDashboard: [(u) => P.canViewCuratorDashboard(u), ["admin", "curatorOfGroup", "curatorOfParent", "curatorOfOther"]],
  canCreateItemIn: [(u) => P.canCreateItemIn(u, unit), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canEditItem: [(u) => P.canEditItem(u, item), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canChangeItemStatus: [(u) => P.canChangeItemStatus(u, item), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canDeleteItem: [(u) => P.canDeleteItem(u, item), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canManageFiles: [(u) => P.canManageFiles(u, item), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canMoveItem: [(u) => P.canMoveItem(u, item, { path: DIVISION }), ["admin", "curatorOfParent"]],
  canViewItemHistory: [(u) => P.canViewItemHistory(u, item), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canRequestCorrection: [(u) => P.canRequestCorrection(u, item), ["admin", "curatorOfGroup", "curatorOfParent", "researcherOwn"]],
  canEditResearcher: [(u) => P.canEditResearcher(u, researcher), ["admin", "curatorOfGroup", "curatorOfParent", "researcherOwn"]],
  canViewResearcherDashboard: [(u) => P.canViewResearcherDashboard(u, researcher), ["admin", "curatorOfGroup", "curatorOfParent", "researcherOwn"]],
  canCurateResearcher: [(u) => P.canCurateResearcher(u, researcher), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canCreateResearcherIn: [(u) => P.canCreateResearcherIn(u, unit), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canEditUnit: [(u) => P.canEditUnit(u, unit), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canMoveUnit: [(u) => P.canMoveUnit(u, unit, { path: DIVISION }), ["admin", "curatorOfParent"]],
  canMoveUnitToTop: [(u) => P.canMoveUnit(u, unit, null), ["admin"]],
  canCreateTopLevelUnit: [(u) => P.canCreateTopLevelUnit(u), ["admin"]],
  canDeleteUnit: [(u) => P.canDeleteUnit(u), ["admin"]],
  canEditCollection: [(u) => P.canEditCollection(u, unit), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canMoveCollection: [(u) => P.canMoveCollection(u, unit, { path: DIVISION }), ["admin", "curatorOfParent"]],
  canImportInto: [(u) => P.canImportInto(u, unit), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canManageUsers: [(u) => P.canManageUsers(u), ["admin"]],
  canManageSettings: [(u) => P.canManageSettings(u), ["admin"]],
  canViewAuditLog: [(u) => P.canViewAuditLog(u), ["admin"]],
  canManageOwnApiTokens: [(u) => P.canManageOwnApiTokens(u), ["admin", "curatorOfGroup", "curatorOfParent", "curatorOfOther", "curatorWithoutUnits", "researcherOwn", "researcherOther"]],
  canDecideCorrection: [(u) => P.canDecideCorrection(u, item), ["admin", "curatorOfGroup", "curatorOfParent"]],
  canEditOwnProfile: [(u) => P.canEditOwnProfile(u), ["researcherOwn", "researcherOther"]],
  canDownloadWithheldFile: [(u) => P.canDownloadWithheldFile(u, item), ["admin", "curatorOfGroup", "curatorOfParent"]],
};

describe("permission matrix", () => {
  it("names every exported permission", () => {
    const exported = Object.keys(P).filter((k) => k.startsWith("can"));
    const covered = new Set(Object.keys(matrix).map((k) => (k === "canMoveUnitToTop" ? "canMoveUnit" : k)));
    expect(exported.filter((k) => !covered.has(k))).toEqual([]);
  });

  for (const [permission, [check, allowed]] of Object.entries(matrix)) {
    it(`${permission}: ${allowed.join(", ")}`, () => {
      const granted = Object.entries(users)
        .filter(([, u]) => check(u))
        .map(([name]) => name);
      expect(granted).toEqual(allowed);
    });
  }
});

describe("unit coverage", () => {
  it("reaches down the tree, never up or sideways", () => {
    const c = users.curatorOfParent;
    expect(P.coversUnit(c, DIVISION)).toBe(true);
    expect(P.coversUnit(c, GROUP)).toBe(true);
    expect(P.coversUnit(c, INSTITUTE)).toBe(false);
    expect(P.coversUnit(c, OTHER)).toBe(false);
    expect(P.coversUnit(users.curatorOfGroup, DIVISION)).toBe(false);
  });

  it("refuses targets without a unit (unknown unit) to curators, not to administrators", () => {
    expect(P.coversUnit(users.curatorOfGroup, [])).toBe(false);
    expect(P.coversUnit(users.admin, [])).toBe(true);
  });

  it("a curator of another unit may edit a researcher who also belongs to their unit", () => {
    expect(P.canEditResearcher(users.curatorOfOther, { id: 70, unitPaths: [GROUP, OTHER] })).toBe(true);
  });

  it("a curator cannot move a unit below itself", () => {
    expect(P.canMoveUnit(users.curatorOfParent, { path: DIVISION }, { path: GROUP })).toBe(false);
  });
});
