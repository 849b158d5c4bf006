import { RecordedEvent } from '@gridcare/event-store';
import { BedReleasedData, FacilityCapacityChangedData, FacilityRegisteredData, GridDefinedData } from '@gridcare/referrals-contracts';

/** A facilities row. */
export interface FacilityRow {
  facility_id: string;
  name: string;
  kind: string;
  level: string;
  district_id: string;
  grid_id: string | null;
  latitude: number;
  longitude: number;
  capabilities: string[];
  community_ids: string[];
  registered_at: Date;
}

/** A facility_capacity row: what routing sees. */
export interface CapacityRow {
  facility_id: string;
  icu_beds_open: number;
  icu_beds_occupied: number;
  icu_beds_held: number;
  critical_care_doctors: number;
  critical_care_nurses: number;
  facility_revision: number;
  updated_at: Date;
}

/** A grids row. */
export interface GridRow {
  grid_id: string;
  name: string;
  district_ids: string[];
  lead_facility_id: string;
  facility_ids: string[];
  community_ids: string[];
  neighbour_grid_ids: string[];
  defined_at: Date;
}

/** The rows a batch touches, loaded before it and written back after it. */
export interface NetworkRows {
  readonly facilities: Map<string, FacilityRow>;
  readonly capacity: Map<string, CapacityRow>;
  readonly grids: Map<string, GridRow>;
  /** Which grid names each facility: a grid may be defined before or after its facilities register. */
  readonly gridOfFacility: Map<string, string>;
}

export const FACILITY_EVENT_TYPES = ['FacilityRegistered', 'FacilityCapacityChanged', 'BedHeld', 'BedReleased'] as const;

/**
 * Folds one event into the rows, as the facility decider folds its stream: a report sets open
 * and occupied beds and staff; holds are counted by BedHeld and BedReleased; an admission turns
 * a held bed into an occupied one until the next report counts it.
 */
export function applyNetworkEvent(rows: NetworkRows, event: RecordedEvent): void {
  if (event.type === 'GridDefined') {
    const grid = event.data as GridDefinedData;
    rows.grids.set(grid.gridId, {
      grid_id: grid.gridId,
      name: grid.name,
      district_ids: grid.districtIds,
      lead_facility_id: grid.leadFacilityId,
      facility_ids: grid.facilityIds,
      community_ids: grid.communityIds,
      neighbour_grid_ids: grid.neighbourGridIds,
      defined_at: event.recordedAt,
    });
    for (const facilityId of grid.facilityIds) {
      rows.gridOfFacility.set(facilityId, grid.gridId);
      const facility = rows.facilities.get(facilityId);
      if (facility) facility.grid_id = grid.gridId;
    }
    return;
  }
  const { facilityId } = event.data as { facilityId: string };
  if (event.type === 'FacilityRegistered') {
    const registration = event.data as FacilityRegisteredData;
    rows.facilities.set(facilityId, {
      facility_id: facilityId,
      name: registration.name,
      kind: registration.kind,
      level: registration.level,
      district_id: registration.districtId,
      grid_id: rows.gridOfFacility.get(facilityId) ?? null,
      latitude: registration.location.latitude,
      longitude: registration.location.longitude,
      capabilities: registration.capabilities,
      community_ids: registration.communityIds,
      registered_at: event.recordedAt,
    });
  }
  const capacity = rows.capacity.get(facilityId) ?? emptyCapacity(facilityId);
  switch (event.type) {
    case 'FacilityCapacityChanged': {
      const report = event.data as FacilityCapacityChangedData;
      capacity.icu_beds_open = report.icuBedsOpen;
      capacity.icu_beds_occupied = report.icuBedsOccupied;
      capacity.critical_care_doctors = report.criticalCareDoctors;
      capacity.critical_care_nurses = report.criticalCareNurses;
      break;
    }
    case 'BedHeld':
      capacity.icu_beds_held += 1;
      break;
    case 'BedReleased':
      capacity.icu_beds_held -= 1;
      if ((event.data as BedReleasedData).reason === 'patient-admitted') capacity.icu_beds_occupied += 1;
      break;
  }
  capacity.facility_revision = event.revision;
  capacity.updated_at = event.recordedAt;
  rows.capacity.set(facilityId, capacity);
}

const emptyCapacity = (facilityId: string): CapacityRow => ({
  facility_id: facilityId,
  icu_beds_open: 0,
  icu_beds_occupied: 0,
  icu_beds_held: 0,
  critical_care_doctors: 0,
  critical_care_nurses: 0,
  facility_revision: 0,
  updated_at: new Date(0),
});
