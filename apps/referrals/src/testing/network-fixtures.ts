// A small referral network for the specs, seeded through the seeding service. Facilities sit on
// a line east of the home station of community d01-s001-c001, so `km` is (very nearly) the
// distance from it. Grid g01 (the resident's) borders g02; g03 borders no one, but its tertiary
// hospital is just across the road, with every ICU bed occupied.
import { Capability, FacilityKind, FACILITY_KIND_LEVEL, facilityStream, gridStream, Location } from '@gridcare/referrals-contracts';
import { SeedEvent } from '../seed/city-grid-file';

const ORIGIN = { latitude: 39.9, longitude: 116.4 };
const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/** A point `km` east of the home station. */
export const east = (km: number): Location => ({
  latitude: ORIGIN.latitude,
  longitude: ORIGIN.longitude + km / (KM_PER_DEGREE * Math.cos((ORIGIN.latitude * Math.PI) / 180)),
});

/** The resident's community: served by its station and by its street's centre; in grid g01. */
export const COMMUNITY = 'd01-s001-c001';
export const HOME_STATION = 'chs-d01-s001-c001';
export const STREET_CENTRE = 'chc-d01-s001';
/** One ICU bed free; an emergency department, no fever clinic. */
export const SECOND_LEVEL_ICU = 'sh-g01-1';
/** A fever clinic only. */
export const SECOND_LEVEL_FEVER = 'sh-g01-2';
export const TERTIARY_G01 = 'h-g01';
export const SECOND_LEVEL_G02 = 'sh-g02-1';
export const TERTIARY_G02 = 'h-g02';
/** Nearest of all (1.5 km), every ICU bed occupied. */
export const TERTIARY_G03 = 'h-g03';

const HOSPITAL: Capability[] = ['fever-clinic', 'emergency-department', 'icu'];

interface FixtureFacility {
  id: string;
  kind: FacilityKind;
  km: number;
  capabilities: Capability[];
  communityIds?: string[];
  beds?: [open: number, occupied: number];
  district?: string;
}

const FACILITIES: FixtureFacility[] = [
  { id: HOME_STATION, kind: 'community-health-service-station', km: 0, capabilities: [], communityIds: [COMMUNITY] },
  { id: STREET_CENTRE, kind: 'community-health-service-centre', km: 0.5, capabilities: ['fever-clinic'], communityIds: [COMMUNITY, 'd01-s001-c002'] },
  { id: SECOND_LEVEL_ICU, kind: 'second-level-hospital', km: 2, capabilities: ['emergency-department', 'icu'], beds: [10, 9] },
  { id: SECOND_LEVEL_FEVER, kind: 'second-level-hospital', km: 3, capabilities: ['fever-clinic'] },
  { id: TERTIARY_G01, kind: 'tertiary-hospital', km: 6, capabilities: HOSPITAL, beds: [50, 40] },
  { id: SECOND_LEVEL_G02, kind: 'second-level-hospital', km: 8, capabilities: HOSPITAL, beds: [8, 5], district: 'd02' },
  { id: 'chc-d02-s001', kind: 'community-health-service-centre', km: 9, capabilities: ['fever-clinic'], communityIds: ['d02-s001-c001'], district: 'd02' },
  { id: TERTIARY_G02, kind: 'regional-medical-centre', km: 12, capabilities: HOSPITAL, beds: [40, 35], district: 'd02' },
  { id: TERTIARY_G03, kind: 'tertiary-hospital', km: 1.5, capabilities: HOSPITAL, beds: [30, 30], district: 'd03' },
  { id: 'chc-d03-s001', kind: 'community-health-service-centre', km: 20, capabilities: ['fever-clinic'], communityIds: ['d03-s001-c001'], district: 'd03' },
];

const GRIDS = [
  { gridId: 'g01', lead: TERTIARY_G01, facilities: [HOME_STATION, STREET_CENTRE, SECOND_LEVEL_ICU, SECOND_LEVEL_FEVER, TERTIARY_G01], communities: [COMMUNITY, 'd01-s001-c002'], neighbours: ['g02'] },
  { gridId: 'g02', lead: TERTIARY_G02, facilities: [SECOND_LEVEL_G02, 'chc-d02-s001', TERTIARY_G02], communities: ['d02-s001-c001'], neighbours: ['g01'] },
  { gridId: 'g03', lead: TERTIARY_G03, facilities: [TERTIARY_G03, 'chc-d03-s001'], communities: ['d03-s001-c001'], neighbours: [] },
];

/** The network's events, as a city grid file has them: facilities first, then grids. */
export function fixtureNetwork(): SeedEvent[] {
  const events: SeedEvent[] = [];
  for (const facility of FACILITIES) {
    const streamId = facilityStream(facility.id);
    events.push({
      streamId,
      type: 'FacilityRegistered',
      schemaVersion: 1,
      data: {
        facilityId: facility.id,
        name: `Facility ${facility.id}`,
        kind: facility.kind,
        level: FACILITY_KIND_LEVEL[facility.kind],
        districtId: facility.district ?? 'd01',
        location: east(facility.km),
        capabilities: facility.capabilities,
        communityIds: facility.communityIds ?? [],
      },
    });
    if (facility.beds) {
      const [open, occupied] = facility.beds;
      events.push({
        streamId,
        type: 'FacilityCapacityChanged',
        schemaVersion: 1,
        data: { facilityId: facility.id, icuBedsOpen: open, icuBedsOccupied: occupied, criticalCareDoctors: open * 2, criticalCareNurses: open * 4 },
      });
    }
  }
  for (const grid of GRIDS) {
    events.push({
      streamId: gridStream(grid.gridId),
      type: 'GridDefined',
      schemaVersion: 1,
      data: {
        gridId: grid.gridId,
        name: `Grid ${grid.gridId}`,
        districtIds: [`d0${grid.gridId.slice(2)}`],
        leadFacilityId: grid.lead,
        facilityIds: grid.facilities,
        communityIds: grid.communities,
        neighbourGridIds: grid.neighbours,
      },
    });
  }
  return events;
}

/** ICU hospitals of the network, with their beds as seeded. */
export const ICU_HOSPITALS = FACILITIES.filter((facility) => facility.beds).map((facility) => ({ id: facility.id, open: facility.beds?.[0] ?? 0 }));
