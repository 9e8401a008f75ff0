// The co-author network of a profile: who the researcher publishes with (joint publications per
// person) and which of those co-authors appear together on the researcher's publications, from the
// researcher links of their items — and a deterministic circular layout for drawing it on the server.
import type { Sql } from "../db/connection";

export type CoAuthor = { id: number; slug: string; displayName: string; count: number };
export type CoAuthorLink = { a: string; b: string; count: number };
export type CoAuthorNetwork = { coAuthors: CoAuthor[]; links: CoAuthorLink[] };

/** Co-authors drawn in the graph and listed beside it. */
export const NETWORK_SIZE = 12;

type Membership = { item_id: number; researcher_id: number; slug: string; display_name: string };

/**
 * Co-authors and the links between them from rows of (item, researcher) over the ego's items. Pure,
 * so that tests can check the counting without a database.
 */
export function buildCoAuthorNetwork(egoId: number, rows: Membership[], size = NETWORK_SIZE): CoAuthorNetwork {
  const people = new Map<number, { slug: string; displayName: string }>();
  const byItem = new Map<number, Set<number>>();
  for (const r of rows) {
    if (r.researcher_id === egoId) continue;
    people.set(r.researcher_id, { slug: r.slug, displayName: r.display_name });
    let set = byItem.get(r.item_id);
    if (!set) byItem.set(r.item_id, (set = new Set()));
    set.add(r.researcher_id);
  }
  const counts = new Map<number, number>();
  for (const set of byItem.values()) for (const id of set) counts.set(id, (counts.get(id) ?? 0) + 1);
  const coAuthors = [...counts.entries()]
    .map(([id, count]) => ({ id, ...people.get(id)!, count }))
    .sort((x, y) => y.count - x.count || x.displayName.localeCompare(y.displayName) || x.id - y.id)
    .slice(0, size);
  const shown = new Map(coAuthors.map((c) => [c.id, c]));
  const pairs = new Map<string, CoAuthorLink>();
  for (const set of byItem.values()) {
    const ids = [...set].filter((id) => shown.has(id)).sort((x, y) => x - y);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}:${ids[j]}`;
        const link = pairs.get(key) ?? { a: shown.get(ids[i])!.slug, b: shown.get(ids[j])!.slug, count: 0 };
        link.count++;
        pairs.set(key, link);
      }
  }
  const links = [...pairs.values()].sort((x, y) => y.count - x.count || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return { coAuthors, links };
}

/** The researcher links of every contributor on the researcher's published items: one indexed query. */
export async function getCoAuthorNetwork(sql: Sql, researcherId: number, size = NETWORK_SIZE): Promise<CoAuthorNetwork> {
  const rows = await sql.query<Membership>(
    `SELECT DISTINCT c.item_id, c.researcher_id, r.slug, r.display_name
       FROM contributor c JOIN researcher r ON r.id = c.researcher_id
      WHERE c.item_id IN (SELECT c1.item_id FROM contributor c1 JOIN item i ON i.id = c1.item_id AND i.status = 'PUBLISHED'
                           WHERE c1.researcher_id = $1)`,
    [researcherId],
  );
  return buildCoAuthorNetwork(researcherId, rows, size);
}

export type GraphNode = { slug: string; label: string; count: number; x: number; y: number; r: number; anchor: "start" | "middle" | "end"; lx: number; ly: number };
export type GraphEdge = { x1: number; y1: number; x2: number; y2: number; count: number; width: number; ego: boolean; a: string; b: string };
export type GraphLayout = {
  /** The drawing's frame: the circle and every label with a small margin, so it fills its box. */
  viewBox: { x: number; y: number; width: number; height: number };
  center: { x: number; y: number; r: number };
  nodes: GraphNode[];
  edges: GraphEdge[];
};

/** Font sizes the drawing uses, and the longest label it writes (longer names are shortened). */
export const GRAPH_FONT = { label: 12.5, count: 11.5, ego: 13 };
export const GRAPH_LABEL_MAX = 18;

export function shortLabel(name: string): string {
  return name.length > GRAPH_LABEL_MAX ? `${name.slice(0, GRAPH_LABEL_MAX - 1).trimEnd()}…` : name;
}

/** A generous estimate of a label's width: wide for Hangul and CJK, narrower for Latin letters. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7a3]/.test(ch) ? size : size * 0.55;
  return w;
}

/**
 * Places the co-authors on a circle around the researcher, the most frequent at the top and each
 * next to the one it shares most with (fewer crossing links), sized by joint output. Same input,
 * same picture.
 */
export function layoutCoAuthorGraph(network: CoAuthorNetwork, egoSlug: string, egoLabel = ""): GraphLayout {
  const { coAuthors, links } = network;
  const n = coAuthors.length;
  const radius = n <= 4 ? 80 : 100;
  const cx = 0;
  const cy = 0;
  const weight = new Map<string, number>();
  for (const l of links) {
    weight.set(`${l.a}|${l.b}`, l.count);
    weight.set(`${l.b}|${l.a}`, l.count);
  }
  // Order around the circle: start with the strongest tie, then always the unplaced co-author most
  // linked to the last placed one (ties: more joint output, then the list order).
  const order: CoAuthor[] = [];
  const left = [...coAuthors];
  while (left.length) {
    const last = order[order.length - 1];
    let best = 0;
    if (last) {
      for (let i = 1; i < left.length; i++) {
        const wi = weight.get(`${last.slug}|${left[i].slug}`) ?? 0;
        const wb = weight.get(`${last.slug}|${left[best].slug}`) ?? 0;
        if (wi > wb) best = i;
      }
    }
    order.push(left.splice(best, 1)[0]);
  }
  const max = Math.max(1, ...coAuthors.map((c) => c.count));
  const position = new Map<string, { x: number; y: number; r: number }>();
  const nodes: GraphNode[] = order.map((c, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const x = round(cx + radius * cos);
    const y = round(cy + radius * sin);
    const r = round(4 + 8 * Math.sqrt(c.count / max));
    position.set(c.slug, { x, y, r });
    const gap = r + 5;
    const anchor = Math.abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
    return {
      slug: c.slug,
      label: c.displayName,
      count: c.count,
      x,
      y,
      r,
      anchor,
      lx: round(x + gap * cos),
      ly: round(y + gap * sin + (anchor === "middle" ? (sin > 0 ? 8 : -2) : 4)),
    };
  });
  const egoR = 14;
  const edges: GraphEdge[] = [
    ...links.flatMap((l) => {
      const p = position.get(l.a);
      const q = position.get(l.b);
      return p && q ? [{ x1: p.x, y1: p.y, x2: q.x, y2: q.y, count: l.count, width: round(0.75 + 1.5 * (l.count / max)), ego: false, a: l.a, b: l.b }] : [];
    }),
    ...nodes.map((node) => ({ x1: cx, y1: cy, x2: node.x, y2: node.y, count: node.count, width: round(1 + 3 * (node.count / max)), ego: true, a: egoSlug, b: node.slug })),
  ];
  // The frame: every circle and label (estimated widths), plus the researcher's own name below the centre.
  let [minX, minY, maxX, maxY] = [cx - egoR, cy - egoR, cx + egoR, cy + egoR + 18];
  const egoHalf = textWidth(egoLabel, GRAPH_FONT.ego) / 2;
  [minX, maxX] = [Math.min(minX, cx - egoHalf), Math.max(maxX, cx + egoHalf)];
  for (const node of nodes) {
    const w = textWidth(`${shortLabel(node.label)} ${node.count}`, GRAPH_FONT.label);
    const x0 = node.anchor === "start" ? node.lx : node.anchor === "end" ? node.lx - w : node.lx - w / 2;
    minX = Math.min(minX, node.x - node.r, x0);
    maxX = Math.max(maxX, node.x + node.r, x0 + w);
    minY = Math.min(minY, node.y - node.r, node.ly - GRAPH_FONT.label);
    maxY = Math.max(maxY, node.y + node.r, node.ly + 4);
  }
  const margin = 6;
  const viewBox = { x: round(minX - margin), y: round(minY - margin), width: round(maxX - minX + 2 * margin), height: round(maxY - minY + 2 * margin) };
  return { viewBox, center: { x: cx, y: cy, r: egoR }, nodes, edges };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
