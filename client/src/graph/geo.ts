/**
 * The geographic layout as a pure function: countries at their lat/lng (equirectangular),
 * other entities on a small ring around their country, the rest near the countries they link to,
 * and whatever has no place at all in a row beneath the map.
 */
export interface GeoNode {
  id: string;
  type: string;
  props: Record<string, unknown>;
  neighbours: string[];
}

export interface Point {
  x: number;
  y: number;
}

/** Pixels per degree. */
export const GEO_SCALE = 14;

function countryKey(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  const v = value.startsWith('country:') ? value.slice(8) : value;
  return v.toUpperCase();
}

export function geoPositions(nodes: GeoNode[]): Map<string, Point> {
  const pos = new Map<string, Point>();
  // Countries by id ("country:CHN"), iso3 and iso2, so "CHN", "country:CHN" and "CN" all find China.
  const countryAt = new Map<string, Point>();
  for (const n of nodes) {
    if (n.type !== 'Country') continue;
    const lat = Number(n.props.lat);
    const lng = Number(n.props.lng);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || n.props.lat === null || n.props.lng === null) continue;
    const p = { x: lng * GEO_SCALE, y: -lat * GEO_SCALE };
    pos.set(n.id, p);
    for (const key of [countryKey(n.id), countryKey(n.props.iso3), countryKey(n.props.iso2)]) if (key) countryAt.set(key, p);
  }

  const rings = new Map<string, number>();
  const around = (centre: Point, anchor: string, radius: number): Point => {
    const i = rings.get(anchor) ?? 0;
    rings.set(anchor, i + 1);
    // Golden-angle spiral: each new satellite gets its own spot, rings grow outwards.
    const angle = i * 2.399963;
    const r = radius + 14 * Math.sqrt(i);
    return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
  };

  const pending: GeoNode[] = [];
  for (const n of nodes) {
    if (pos.has(n.id)) continue;
    const home = countryAt.get(countryKey(n.props.country) ?? '');
    if (home) pos.set(n.id, around(home, countryKey(n.props.country)!, 45));
    else pending.push(n);
  }
  // Two passes: things linked to placed things sit near the centroid of their placed neighbours.
  let unplaced: GeoNode[] = [];
  for (let pass = 0; pass < 2; pass++) {
    unplaced = [];
    for (const n of pending) {
      if (pos.has(n.id)) continue;
      const placed = n.neighbours.map((id) => pos.get(id)).filter((p): p is Point => !!p);
      if (!placed.length) {
        unplaced.push(n);
        continue;
      }
      const c = { x: placed.reduce((s, p) => s + p.x, 0) / placed.length, y: placed.reduce((s, p) => s + p.y, 0) / placed.length };
      const anchor = `c:${Math.round(c.x / 20)}:${Math.round(c.y / 20)}`;
      pos.set(n.id, around(c, anchor, placed.length > 1 ? 20 : 60));
    }
  }
  // A row under the map (below 60°S) for what has no geography at all.
  const perRow = 24;
  unplaced.forEach((n, i) => pos.set(n.id, { x: (-170 + (i % perRow) * 14) * GEO_SCALE * 1, y: (65 + Math.floor(i / perRow) * 6) * GEO_SCALE }));
  return pos;
}
