// Country outlines for the usage map, projected once per process: Natural Earth's 1:110m
// countries (world-atlas) in the Equal Earth projection, which keeps areas honest. Antarctica is
// left out — nobody reads from there, and it would take a fifth of the height.
import { geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { alpha2FromNumeric } from "./countries";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 420;

export type CountryShape = { code: string | undefined; name: string; d: string };

let shapes: CountryShape[] | undefined;

export function getWorldShapes(): CountryShape[] {
  if (shapes) return shapes;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const land: FeatureCollection<Geometry, { name: string }> = { type: "FeatureCollection", features: all.features.filter((f) => f.id !== "010") };
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    land,
  );
  // Whole units of a 960-wide drawing: finer detail would not show and would double the markup.
  const path = geoPath(projection).digits(0);
  shapes = land.features
    .map((f: Feature<Geometry, { name: string }>) => ({
      code: f.id === undefined ? undefined : alpha2FromNumeric(String(f.id)),
      name: f.properties.name,
      d: path(f) ?? "",
    }))
    .filter((s) => s.d);
  return shapes;
}
