// The co-author network as a server-drawn SVG: the researcher in the middle, co-authors around,
// circles sized by joint publications, lines weighted by them, names as links. No client code; the
// colours follow the page's light or dark theme. The co-author list beside it carries the same
// figures as text.
import { format } from "@/lib/i18n/messages";
import type { PeopleMessages } from "@/lib/i18n/messages-people";
import type { CoAuthorNetwork } from "@/lib/researchers/network";
import { GRAPH_FONT, layoutCoAuthorGraph, shortLabel } from "@/lib/researchers/network";

export function CoAuthorGraph({ network, ego, t, locale }: { network: CoAuthorNetwork; ego: { slug: string; name: string }; t: PeopleMessages; locale: string }) {
  if (network.coAuthors.length === 0) return null;
  const g = layoutCoAuthorGraph(network, ego.slug, shortLabel(ego.name));
  const { x, y, width, height } = g.viewBox;
  const names = new Map(network.coAuthors.map((c) => [c.slug, c.displayName]));
  const number = (n: number) => n.toLocaleString(locale);
  return (
    <svg viewBox={`${x} ${y} ${width} ${height}`} className="mx-auto h-auto w-full max-w-lg" role="group" aria-label={t.network}>
      <g fill="none" strokeLinecap="round">
        {g.edges.map((e) => (
          <line
            key={`${e.a}-${e.b}`}
            x1={e.x1}
            y1={e.y1}
            x2={e.x2}
            y2={e.y2}
            stroke={e.ego ? "var(--accent)" : "var(--muted)"}
            strokeOpacity={e.ego ? 0.45 : 0.5}
            strokeWidth={e.width}
            strokeDasharray={e.ego ? undefined : "3 3"}
          >
            <title>{format(t.edgeTitle, { a: names.get(e.a) ?? ego.name, b: names.get(e.b) ?? ego.name, n: number(e.count) })}</title>
          </line>
        ))}
      </g>
      <circle cx={g.center.x} cy={g.center.y} r={g.center.r} fill="var(--accent)" />
      <text x={g.center.x} y={g.center.y + g.center.r + 14} textAnchor="middle" fontSize={GRAPH_FONT.ego} fontWeight="600" fill="var(--ink)" stroke="var(--surface)" strokeWidth="4" paintOrder="stroke">
        {shortLabel(ego.name)}
      </text>
      {g.nodes.map((n) => (
        <a key={n.slug} href={`/researchers/${n.slug}`} aria-label={format(t.networkLink, { name: n.label, joint: format(n.count === 1 ? t.jointOne : t.joint, { n: number(n.count) }) })}>
          <circle cx={n.x} cy={n.y} r={n.r} fill="var(--surface)" stroke="var(--accent)" strokeWidth="2" />
          <circle cx={n.x} cy={n.y} r={Math.max(1.5, n.r - 3.5)} fill="var(--accent)" fillOpacity="0.35" />
          <text x={n.lx} y={n.ly} textAnchor={n.anchor} fontSize={GRAPH_FONT.label} fill="var(--accent)" stroke="var(--surface)" strokeWidth="3" paintOrder="stroke" className="underline-offset-2 hover:underline">
            {shortLabel(n.label)}
            <tspan fill="var(--muted)" fontSize={GRAPH_FONT.count}>
              {` ${number(n.count)}`}
            </tspan>
          </text>
        </a>
      ))}
    </svg>
  );
}
