/** National capitals (entity ids of their Place), whose name often stands for the government as an actor ("Washington added …"). */
import worldCountriesData, { type Country as WorldCountry } from 'world-countries';
import { entityId } from '../catalog.js';

export const CAPITALS: ReadonlySet<string> = new Set(
  (worldCountriesData as unknown as WorldCountry[]).flatMap((c) => (c.capital ?? []).map((cap) => entityId('Place', cap.replace(/\s+D\.C\.$/, '')))),
);
