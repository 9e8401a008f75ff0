// Every right in Atrium, named, in one place. Pure functions over the signed-in user (with the
// units assigned to them) and the target (with the path of unit ids from the root down to the
// unit that owns it). The server guard (lib/auth/guard.ts) calls these before every write; pages
// call them only to hide what the user cannot do.
//
// - administrator: everything.
// - curator: items, files, researchers, collections and units inside the assigned units and every
//   unit below them; imports into those units.
// - researcher: their own profile and dashboard; correction requests on items they contributed to.

export type Role = "ADMIN" | "CURATOR" | "RESEARCHER";

export type PermissionUser = {
  id: number;
  role: Role;
  active: boolean;
  /** The researcher profile linked to this account, if any. */
  researcherId: number | null;
  /** Units assigned to a curator (rights extend to the units below). */
  unitIds: readonly number[];
};

/** Unit ids from the root down to the unit itself, e.g. [institute, division, group]. */
export type UnitPath = readonly number[];

export type ItemTarget = {
  /** Path of the unit owning the item's collection. */
  unitPath: UnitPath;
  /** Researchers linked as contributors of the item. */
  researcherIds?: readonly number[];
};

export type ResearcherTarget = {
  id: number;
  /** Paths of the researcher's units (primary and others). */
  unitPaths: readonly UnitPath[];
};

export type UnitTarget = { path: UnitPath };

const isAdmin = (u: PermissionUser) => u.active && u.role === "ADMIN";
const isCurator = (u: PermissionUser) => u.active && u.role === "CURATOR";

/** A curator covers a unit when one of their assigned units is on the unit's path. */
export function coversUnit(user: PermissionUser, path: UnitPath): boolean {
  if (isAdmin(user)) return true;
  if (!isCurator(user) || path.length === 0) return false;
  return path.some((id) => user.unitIds.includes(id));
}

/** The curator workspace itself (dashboard, own account). */
export function canUseWorkspace(user: PermissionUser): boolean {
  return user.active;
}

/** Personal API tokens act with the account's own rights, so every active account may hold them. */
export function canManageOwnApiTokens(user: PermissionUser): boolean {
  return user.active;
}

export function canViewCuratorDashboard(user: PermissionUser): boolean {
  return isAdmin(user) || (isCurator(user) && user.unitIds.length > 0);
}

export function canCreateItemIn(user: PermissionUser, unit: UnitTarget): boolean {
  return coversUnit(user, unit.path);
}

export function canEditItem(user: PermissionUser, item: ItemTarget): boolean {
  return coversUnit(user, item.unitPath);
}

/** Publish, withdraw, restore a version: the same right as editing, kept apart for the UI. */
export function canChangeItemStatus(user: PermissionUser, item: ItemTarget): boolean {
  return coversUnit(user, item.unitPath);
}

export function canDeleteItem(user: PermissionUser, item: ItemTarget): boolean {
  return coversUnit(user, item.unitPath);
}

export function canManageFiles(user: PermissionUser, item: ItemTarget): boolean {
  return coversUnit(user, item.unitPath);
}

/** Moving an item to a collection of another unit needs rights on both. */
export function canMoveItem(user: PermissionUser, item: ItemTarget, to: UnitTarget): boolean {
  return coversUnit(user, item.unitPath) && coversUnit(user, to.path);
}

export function canViewItemHistory(user: PermissionUser, item: ItemTarget): boolean {
  return coversUnit(user, item.unitPath);
}

/** Researchers propose corrections to items they contributed to; curators may always. */
export function canRequestCorrection(user: PermissionUser, item: ItemTarget): boolean {
  if (coversUnit(user, item.unitPath)) return true;
  return user.active && user.researcherId !== null && (item.researcherIds ?? []).includes(user.researcherId);
}

export function canEditResearcher(user: PermissionUser, researcher: ResearcherTarget): boolean {
  if (!user.active) return false;
  if (user.researcherId !== null && user.researcherId === researcher.id) return true;
  return researcher.unitPaths.some((p) => coversUnit(user, p));
}

/** Curating a profile in the workspace: by unit only (a researcher's own profile has its own screen). */
export function canCurateResearcher(user: PermissionUser, researcher: ResearcherTarget): boolean {
  return researcher.unitPaths.some((p) => coversUnit(user, p)) || (isAdmin(user) && researcher.unitPaths.length === 0);
}

/** Moving a collection (with its items) to another unit needs rights on both units. */
export function canMoveCollection(user: PermissionUser, from: UnitTarget, to: UnitTarget): boolean {
  return coversUnit(user, from.path) && coversUnit(user, to.path);
}

/** A researcher's private usage dashboard. */
export function canViewResearcherDashboard(user: PermissionUser, researcher: ResearcherTarget): boolean {
  return canEditResearcher(user, researcher);
}

export function canCreateResearcherIn(user: PermissionUser, unit: UnitTarget): boolean {
  return coversUnit(user, unit.path);
}

/** Edit a unit's names and description, its collections, and create units below it. */
export function canEditUnit(user: PermissionUser, unit: UnitTarget): boolean {
  return coversUnit(user, unit.path);
}

/** Moving a unit needs rights on the unit and on its new parent; top-level units are the admin's. */
export function canMoveUnit(user: PermissionUser, unit: UnitTarget, newParent: UnitTarget | null): boolean {
  if (isAdmin(user)) return true;
  if (newParent === null) return false;
  return coversUnit(user, unit.path) && coversUnit(user, newParent.path) && !newParent.path.includes(unit.path[unit.path.length - 1]);
}

/** Creating a top-level unit or deleting a unit is the administrator's. */
export function canCreateTopLevelUnit(user: PermissionUser): boolean {
  return isAdmin(user);
}

export function canDeleteUnit(user: PermissionUser): boolean {
  return isAdmin(user);
}

export function canEditCollection(user: PermissionUser, collection: UnitTarget): boolean {
  return coversUnit(user, collection.path);
}

export function canImportInto(user: PermissionUser, unit: UnitTarget): boolean {
  return coversUnit(user, unit.path);
}

export function canManageUsers(user: PermissionUser): boolean {
  return isAdmin(user);
}

export function canManageSettings(user: PermissionUser): boolean {
  return isAdmin(user);
}

export function canViewAuditLog(user: PermissionUser): boolean {
  return isAdmin(user);
}

/** Accepting or declining a correction request: curators with rights on the item. */
export function canDecideCorrection(user: PermissionUser, item: ItemTarget): boolean {
  return coversUnit(user, item.unitPath);
}

/** The researcher's own profile fields (biography, interests, email visibility, position). */
export function canEditOwnProfile(user: PermissionUser): boolean {
  return user.active && user.researcherId !== null;
}

/** Restricted and embargoed files of an item: downloadable by those who manage its files. */
export function canDownloadWithheldFile(user: PermissionUser, item: ItemTarget): boolean {
  return canManageFiles(user, item);
}
