// A small city for the routing specs. Facilities sit on a line east of the referring community
// health service centre, so `km` is (very nearly) the distance from it.
// Grids: g01 (the resident's) borders g02; g03 borders g02 only, but one of its hospitals is
// just across the road from the referring centre.
import { Capability, FacilityCapacity, FacilityLevel, Location, RoutingGrid, RoutingInputs } from '@gridcare/referrals-contracts';

const ORIGIN = { latitude: 39.9, longitude: 116.4 };
const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/** A point `km` east of the referring centre. */
export const east = (km: number): Location => ({
  latitude: ORIGIN.latitude,
  longitude: ORIGIN.longitude + km / (KM_PER_DEGREE * Math.cos((ORIGIN.latitude * Math.PI) / 180)),
});

const HOSPITAL: Capability[] = ['fever-clinic', 'emergency-department', 'icu'];

export function facility(
  facilityId: string,
  gridId: string,
  level: FacilityLevel,
  km: number,
  options: { capabilities?: Capability[]; open?: number; occupied?: number; held?: number } = {},
): FacilityCapacity {
  const capabilities = options.capabilities ?? (level === 'grassroots' ? [] : HOSPITAL);
  const open = options.open ?? (capabilities.includes('icu') ? 10 : 0);
  return {
    facilityId,
    gridId,
    level,
    capabilities,
    location: east(km),
    icuBeds: { open, occupied: options.occupied ?? 0, held: options.held ?? 0 },
    facilityRevision: 1,
  };
}

export const GRID: RoutingGrid = { gridId: 'g01', neighbourGridIds: ['g02'] };

/** The capacity read model: every facility of the three grids. */
export const city = (): FacilityCapacity[] => [
  facility('chc-g01', 'g01', 'grassroots', 0, { capabilities: ['fever-clinic'] }),
  facility('chs-g01-home', 'g01', 'grassroots', 1),
  facility('vc-g01', 'g01', 'grassroots', 5),
  facility('sh-g01-a', 'g01', 'second-level', 2, { open: 10, occupied: 9 }),
  facility('sh-g01-b', 'g01', 'second-level', 4, { capabilities: ['fever-clinic', 'emergency-department'] }),
  facility('sh-g01-c', 'g01', 'second-level', 3, { capabilities: ['fever-clinic'] }),
  facility('h-g01', 'g01', 'tertiary', 6, { open: 50, occupied: 50 }),
  facility('sh-g02', 'g02', 'second-level', 8, { open: 8, occupied: 5 }),
  facility('h-g02', 'g02', 'tertiary', 12, { open: 40, occupied: 35 }),
  facility('chc-g02', 'g02', 'grassroots', 9, { capabilities: ['fever-clinic'] }),
  facility('h-g03', 'g03', 'tertiary', 1.5, { open: 30, occupied: 29, held: 1 }),
  facility('sh-g03', 'g03', 'second-level', 20, { open: 6, occupied: 0 }),
];

export const inputs = (overrides: Partial<RoutingInputs> = {}): RoutingInputs => ({
  direction: 'up',
  tier: 'yellow',
  severity: 'moderate',
  spo2: 95,
  ageYears: 50,
  highRisk: false,
  needsIcu: false,
  gridId: 'g01',
  from: { facilityId: 'chc-g01', level: 'grassroots', location: east(0) },
  homeFacilityId: 'chs-g01-home',
  excludedFacilityIds: [],
  ...overrides,
});

/** Inputs for a stable patient going back down from the grid's tertiary hospital. */
export const downFromTertiary = (overrides: Partial<RoutingInputs> = {}): RoutingInputs =>
  inputs({ direction: 'down', severity: 'mild', from: { facilityId: 'h-g01', level: 'tertiary', location: east(6) }, ...overrides });

/** The capacity read model with one facility changed. */
export const cityWith = (facilityId: string, change: Partial<FacilityCapacity>): FacilityCapacity[] =>
  city().map((entry) => (entry.facilityId === facilityId ? { ...entry, ...change } : entry));
