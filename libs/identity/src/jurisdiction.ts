import { z } from 'zod';

/** The levels of the registry's jurisdiction (district > street > community) and the treatment grid. */
export const AREA_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/**
 * Where a user may act: the whole city, or some districts, streets, communities or grids.
 * A community worker's token names their communities; a district command centre its district.
 */
export const JurisdictionSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('city') }).strict(),
  z
    .object({
      level: z.enum(AREA_LEVELS),
      ids: z.array(z.string().min(1).max(100)).min(1).max(500),
    })
    .strict(),
]);

export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

export const CITY: Jurisdiction = { level: 'city' };

/** Where a resident lives, as the registry records it. */
export interface ResidentArea {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
}

const AREA_FIELD: Record<AreaLevel, keyof ResidentArea> = {
  district: 'districtId',
  street: 'streetId',
  community: 'communityId',
  grid: 'gridId',
};

/** Whether a resident living in `area` is inside the jurisdiction. */
export function coversArea(jurisdiction: Jurisdiction, area: ResidentArea): boolean {
  if (jurisdiction.level === 'city') return true;
  return jurisdiction.ids.includes(area[AREA_FIELD[jurisdiction.level]]);
}

/**
 * The jurisdiction as a condition on rows that carry the four area columns: `undefined` for
 * the city (no condition), else the one column and the ids it may take.
 */
export function jurisdictionColumn(jurisdiction: Jurisdiction): { field: keyof ResidentArea; ids: string[] } | undefined {
  if (jurisdiction.level === 'city') return undefined;
  return { field: AREA_FIELD[jurisdiction.level], ids: jurisdiction.ids };
}

export function describeJurisdiction(jurisdiction: Jurisdiction): string {
  return jurisdiction.level === 'city' ? 'the whole city' : `${jurisdiction.level} ${jurisdiction.ids.join(', ')}`;
}
