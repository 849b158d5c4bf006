// The referral network of the synthetic Beijing-shaped city of tools/census: the same districts,
// streets, communities and 56 grids (createCity with the same seed), with facilities added.
// Each grid is led by its tertiary hospital (the census grid's lead, id h-gNN), has 2 to 5
// second-level hospitals, and the grassroots institutions of its communities: a community
// health service centre per street, a station in about half the urban communities and a
// clinic in about three villages in four. ICU beds, critical-care doctors and nurses are shared
// out over the hospitals so the city has 7,000+, 14,000+ and 28,000+ (the seed's figures).
// Deterministic in the seed.
import { Capability, FacilityCapacityChangedData, FacilityKind, FacilityLevel, FacilityRegisteredData, GridDefinedData } from '@gridcare/referrals-contracts';
import { City, Community, createCity } from '../census/city';
import { apportion, createRng, Rng } from '../census/prng';
import { DISTRICT_GEOGRAPHY, near, Point, streetPoint } from './geography';

export const ICU_BEDS_AT_LEAST = 7000;
export const CRITICAL_CARE_DOCTORS_AT_LEAST = 14_000;
export const CRITICAL_CARE_NURSES_AT_LEAST = 28_000;

export interface SeedFacility {
  registration: FacilityRegisteredData;
  gridId: string;
  /** Hospitals only: grassroots institutions have no ICU. */
  capacity: FacilityCapacityChangedData | null;
}

export interface CityGrid {
  seed: number;
  city: City;
  facilities: SeedFacility[];
  grids: GridDefinedData[];
}

const HOSPITAL_CAPABILITIES: Capability[] = ['fever-clinic', 'emergency-department', 'icu'];

/** Builds the referral network for `seed`: the same seed always gives the same network. */
export function createCityGrid(seed: number): CityGrid {
  const city = createCity(seed);
  const rng = createRng(seed, 'referrals-city-grid');
  const places = placeCommunities(city, rng);
  const facilities = [...hospitals(city, places, rng), ...grassroots(city, places, rng)];
  shareOutCriticalCare(facilities, rng);
  return { seed, city, facilities, grids: defineGrids(city, facilities) };
}

interface Places {
  community: Map<string, Point>;
  street: Map<string, Point>;
}

function placeCommunities(city: City, rng: Rng): Places {
  const places: Places = { community: new Map(), street: new Map() };
  for (const district of city.districts) {
    const geography = DISTRICT_GEOGRAPHY[district.name];
    if (!geography) throw new Error(`no geography for district ${district.name}`);
    district.streetIds.forEach((streetId, index) => places.street.set(streetId, streetPoint(geography, index, district.streetIds.length, rng)));
  }
  for (const community of city.communities) {
    const street = places.street.get(community.streetId);
    if (!street) throw new Error(`community ${community.id} is in unknown street ${community.streetId}`);
    places.community.set(community.id, near(street, community.kind === 'village' ? 3 : 1, rng));
  }
  return places;
}

function facility(id: string, name: string, kind: FacilityKind, level: FacilityLevel, districtId: string, location: Point, capabilities: Capability[], communityIds: string[]) {
  return { facilityId: id, name, kind, level, districtId, location, capabilities, communityIds };
}

/** Each grid's lead tertiary hospital near the middle of its communities, and its second-level hospitals among them. */
function hospitals(city: City, places: Places, rng: Rng): SeedFacility[] {
  const out: SeedFacility[] = [];
  for (const grid of city.grids) {
    const members = city.communities.filter((community) => community.gridId === grid.id);
    const middle = members[Math.floor(members.length / 2)];
    const kind = /Regional Medical Centre/.test(grid.leadHospital.name) ? 'regional-medical-centre' : 'tertiary-hospital';
    const at = (community: Community) => near(places.community.get(community.id) as Point, 0.5, rng);
    out.push({
      registration: facility(grid.leadHospital.id, grid.leadHospital.name, kind, 'tertiary', middle.districtId, at(middle), HOSPITAL_CAPABILITIES, []),
      gridId: grid.id,
      capacity: null,
    });
    const secondLevel = 2 + rng.int(4);
    for (let n = 1; n <= secondLevel; n++) {
      // Spread along the grid's run of communities, so they are not all in one corner.
      const community = members[Math.min(members.length - 1, Math.floor(((n - 0.5 + 0.6 * (rng.next() - 0.5)) * members.length) / secondLevel))];
      const name = `${grid.name.replace(/ Grid \d+$/, '')} Second-level Hospital ${grid.id.slice(1)}-${n}`;
      out.push({
        registration: facility(`sh-${grid.id}-${n}`, name, 'second-level-hospital', 'second-level', community.districtId, at(community), HOSPITAL_CAPABILITIES, []),
        gridId: grid.id,
        capacity: null,
      });
    }
  }
  return out;
}

/** A centre per street (in the grid holding most of its communities), a station in half the communities, a clinic in most villages. */
function grassroots(city: City, places: Places, rng: Rng): SeedFacility[] {
  const out: SeedFacility[] = [];
  const communityName = new Map(city.communities.map((community) => [community.id, community.name]));
  for (const street of city.streets) {
    const members = city.communities.filter((community) => community.streetId === street.id);
    const perGrid = new Map<string, string[]>();
    for (const community of members) perGrid.set(community.gridId, [...(perGrid.get(community.gridId) ?? []), community.id]);
    const [gridId, served] = [...perGrid.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0];
    const centreName = `${street.name.replace(/ (Street|Town)$/, '')} Community Health Service Centre`;
    const location = near(places.street.get(street.id) as Point, 0.3, rng);
    out.push({ registration: facility(`chc-${street.id}`, centreName, 'community-health-service-centre', 'grassroots', street.districtId, location, ['fever-clinic'], served), gridId, capacity: null });
    for (const community of members) {
      const village = community.kind === 'village';
      if (!rng.chance(village ? 0.75 : 0.5)) continue;
      const name = `${(communityName.get(community.id) ?? community.id).replace(/ (Community|Village)$/, '')} ${village ? 'Village Clinic' : 'Community Health Service Station'}`;
      const kind = village ? 'village-clinic' : 'community-health-service-station';
      const at = near(places.community.get(community.id) as Point, 0.2, rng);
      out.push({ registration: facility(`${village ? 'vc' : 'chs'}-${community.id}`, name, kind, 'grassroots', community.districtId, at, [], [community.id]), gridId: community.gridId, capacity: null });
    }
  }
  return out;
}

/** ICU beds, critical-care doctors and nurses over the hospitals: a tertiary hospital has about four times a second-level one's. */
function shareOutCriticalCare(facilities: SeedFacility[], rng: Rng): void {
  const hospitalsOnly = facilities.filter((seed) => seed.registration.capabilities.includes('icu'));
  const weights = hospitalsOnly.map((seed) => (seed.registration.level === 'tertiary' ? 4 * (0.8 + 0.4 * rng.next()) : 0.6 + 0.8 * rng.next()));
  const beds = apportion(ICU_BEDS_AT_LEAST + rng.int(400), weights, 4);
  const doctors = apportion(CRITICAL_CARE_DOCTORS_AT_LEAST + rng.int(200), weights, 8);
  const nurses = apportion(CRITICAL_CARE_NURSES_AT_LEAST + rng.int(400), weights, 16);
  hospitalsOnly.forEach((seed, index) => {
    seed.capacity = {
      facilityId: seed.registration.facilityId,
      icuBedsOpen: beds[index],
      // Through a wave most ICU beds are taken: 55% to 95% occupied.
      icuBedsOccupied: Math.floor(beds[index] * (0.55 + 0.4 * rng.next())),
      criticalCareDoctors: doctors[index],
      criticalCareNurses: nurses[index],
    };
  });
}

/** Grids as the census cut them, with their facilities and neighbours: grids sharing a district, and the grids before and after along the district walk. */
function defineGrids(city: City, facilities: SeedFacility[]): GridDefinedData[] {
  return city.grids.map((grid, index) => {
    const neighbours = city.grids
      .filter((other, otherIndex) => other.id !== grid.id && (Math.abs(otherIndex - index) === 1 || other.districtIds.some((id) => grid.districtIds.includes(id))))
      .map((other) => other.id);
    return {
      gridId: grid.id,
      name: grid.name,
      districtIds: grid.districtIds,
      leadFacilityId: grid.leadHospital.id,
      facilityIds: facilities.filter((seed) => seed.gridId === grid.id).map((seed) => seed.registration.facilityId),
      communityIds: city.communities.filter((community) => community.gridId === grid.id).map((community) => community.id),
      neighbourGridIds: neighbours,
    };
  });
}
