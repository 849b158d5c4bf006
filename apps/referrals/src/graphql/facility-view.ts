import { CapacitySnapshot, freeIcuBeds, IcuBeds } from '@gridcare/referrals-contracts';
import type { Facility, FacilityCapacity, Grid } from '../generated/prisma/client';
import { toGraphQLEnum } from './graphql-enum';

export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

export const icuBedsView = (beds: IcuBeds) => ({ ...beds, free: freeIcuBeds(beds) });

const NO_CAPACITY = { icuBedsOpen: 0, icuBedsOccupied: 0, icuBedsHeld: 0, criticalCareDoctors: 0, criticalCareNurses: 0, facilityRevision: 0, updatedAt: null };

export function capacityView(capacity: FacilityCapacity | null) {
  const row = capacity ?? NO_CAPACITY;
  return {
    icuBeds: icuBedsView({ open: row.icuBedsOpen, occupied: row.icuBedsOccupied, held: row.icuBedsHeld }),
    criticalCareDoctors: row.criticalCareDoctors,
    criticalCareNurses: row.criticalCareNurses,
    facilityRevision: row.facilityRevision,
    updatedAt: row.updatedAt ? iso(row.updatedAt) : '',
  };
}

export function facilityView(row: Facility, capacity: FacilityCapacity | null) {
  return {
    id: row.facilityId,
    name: row.name,
    kind: toGraphQLEnum(row.kind),
    level: toGraphQLEnum(row.level),
    districtId: row.districtId,
    gridId: row.gridId,
    location: { latitude: row.latitude, longitude: row.longitude },
    capabilities: row.capabilities.map(toGraphQLEnum),
    communityIds: row.communityIds,
    capacity: capacityView(capacity),
    registeredAt: iso(row.registeredAt),
  };
}

export function gridView(row: Grid, icuBeds: IcuBeds) {
  return {
    id: row.gridId,
    name: row.name,
    districtIds: row.districtIds,
    leadFacilityId: row.leadFacilityId,
    facilityIds: row.facilityIds,
    communityIds: row.communityIds,
    neighbourGridIds: row.neighbourGridIds,
    icuBeds: icuBedsView(icuBeds),
    definedAt: iso(row.definedAt),
  };
}

/** A facility as a routing decision saw it. */
export const facilitySeenView = (facility: CapacitySnapshot[number]) => ({
  ...facility,
  level: toGraphQLEnum(facility.level),
  capabilities: facility.capabilities.map(toGraphQLEnum),
  icuBeds: icuBedsView(facility.icuBeds),
});
