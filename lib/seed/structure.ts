// Turns the institute description (./institute.ts) into unit and collection records with ids,
// slugs and handles, and keeps the runtime view the item generator works with.
import { formatHandle, slugify } from "./identifiers";
import { COLLECTION_KINDS, DIVISIONS, INSTITUTE, POLICY_CENTER, SEED_GROUP_ALT_NAME, type CollectionKind, type GroupSpec } from "./institute";
import { resolveProfile, type ResolvedProfile } from "./vocabulary";

export type UnitRuntime = {
  id: number;
  slug: string;
  handle: string;
  name: string;
  altName: string;
  description: string;
  altDescription: string;
  parentId: number | null;
  position: number;
};

export type CollectionRuntime = {
  id: number;
  slug: string;
  handle: string;
  unitId: number;
  name: string;
  altName: string;
  description: string;
  altDescription: string;
  position: number;
  kind: CollectionKind;
};

export type GroupRuntime = UnitRuntime & {
  spec: GroupSpec;
  profile: ResolvedProfile;
  /** By collection kind key ("articles", …). */
  collections: Map<string, CollectionRuntime>;
};

export type Structure = {
  top: UnitRuntime;
  divisions: UnitRuntime[];
  /** Research groups and the policy center: every unit that holds collections. */
  groups: GroupRuntime[];
  policyCenter: GroupRuntime;
  seedGroup: GroupRuntime;
  units: UnitRuntime[];
  collections: CollectionRuntime[];
  /** The next free handle number after the units' and collections'. */
  nextHandle: number;
};

export function buildStructure(prefix: string, firstHandle: number): Structure {
  let handle = firstHandle;
  const units: UnitRuntime[] = [];
  const collections: CollectionRuntime[] = [];
  const groups: GroupRuntime[] = [];
  const slugs = new Set<string>();
  const uniqueSlug = (slug: string) => {
    if (slugs.has(slug)) throw new Error(`duplicate slug ${slug}`);
    slugs.add(slug);
    return slug;
  };

  const addUnit = (u: { name: string; altName: string; description: string; altDescription: string }, parentId: number | null, position: number): UnitRuntime => {
    const unit: UnitRuntime = {
      id: units.length + 1,
      slug: uniqueSlug(slugify(u.name)),
      handle: formatHandle(prefix, handle++),
      name: u.name,
      altName: u.altName,
      description: u.description,
      altDescription: u.altDescription,
      parentId,
      position,
    };
    units.push(unit);
    return unit;
  };

  const addGroup = (spec: GroupSpec, parentId: number, position: number): GroupRuntime => {
    const unit = addUnit(spec, parentId, position);
    const group: GroupRuntime = { ...unit, spec, profile: resolveProfile(spec.profile), collections: new Map() };
    const short = spec.name.replace(/ Research Group$/, "");
    COLLECTION_KINDS.filter((kind) => spec.collections.includes(kind.key)).forEach((kind, i) => {
      const collection: CollectionRuntime = {
        id: collections.length + 1,
        slug: uniqueSlug(slugify(`${short} ${kind.name.replace(/^\d+\.\s*/, "")}`)),
        handle: formatHandle(prefix, handle++),
        unitId: unit.id,
        name: kind.name,
        altName: kind.altName,
        description: `${kind.description} ${spec.name}, Korea Brain Research Institute.`,
        altDescription: `${spec.altName} — ${kind.altDescription}`,
        position: i,
        kind,
      };
      collections.push(collection);
      group.collections.set(kind.key, collection);
    });
    groups.push(group);
    return group;
  };

  const top = addUnit(INSTITUTE, null, 0);
  const divisions = DIVISIONS.map((d, i) => {
    const division = addUnit(d, top.id, i);
    d.groups.forEach((g, gi) => addGroup(g, division.id, gi));
    return division;
  });
  const policyCenter = addGroup(POLICY_CENTER, top.id, DIVISIONS.length);
  const seedGroup = groups.find((g) => g.altName === SEED_GROUP_ALT_NAME);
  if (!seedGroup) throw new Error(`the seed item's group ${SEED_GROUP_ALT_NAME} is missing`);
  return { top, divisions, groups: groups.filter((g) => g !== policyCenter), policyCenter, seedGroup, units, collections, nextHandle: handle };
}
