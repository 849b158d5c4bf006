import { FacilityCapacity } from '@gridcare/referrals-contracts';
import { icuBedsOf, RegisteredFacility } from './facility-state';

/**
 * A facility as the capacity read model shows it to routing: its grid (the grid's to say), its
 * level, capabilities, location and ICU beds, as of the stream revision the model has applied.
 */
export function facilityCapacity(facility: RegisteredFacility, gridId: string, facilityRevision: number): FacilityCapacity {
  const { facilityId, level, capabilities, location } = facility.registration;
  return { facilityId, gridId, level, capabilities, location, icuBeds: icuBedsOf(facility), facilityRevision };
}
