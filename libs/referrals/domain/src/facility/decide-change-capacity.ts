import { FacilityCapacityChanged } from '@gridcare/referrals-contracts';
import { contractEvent } from '@gridcare/decider';
import { ChangeFacilityCapacity } from './facility-commands';
import { refuseFacility } from './facility-errors';
import { FacilityEvent } from './facility-events';
import { FacilityState } from './facility-state';

/**
 * A report never cancels a hold: if the facility closes beds, referrals already holding one
 * keep it, and no new referral can hold one until beds are free again.
 */
export function decideChangeCapacity(command: ChangeFacilityCapacity, state: FacilityState): FacilityEvent[] {
  const { facilityId, icuBedsOpen, icuBedsOccupied, criticalCareDoctors, criticalCareNurses } = command;
  if (state.status !== 'registered') throw refuseFacility('FACILITY_NOT_REGISTERED', `facility ${facilityId} is not registered`, { facilityId });
  if (icuBedsOpen > 0 && !state.registration.capabilities.includes('icu')) {
    throw refuseFacility('NO_ICU_CAPABILITY', `facility ${facilityId} has no ICU: it cannot open ICU beds`, { facilityId, field: 'icuBedsOpen' });
  }
  if (icuBedsOccupied > icuBedsOpen) {
    throw refuseFacility('OCCUPIED_EXCEEDS_OPEN', `icuBedsOccupied: ${icuBedsOccupied} occupied is more than the ${icuBedsOpen} open`, { facilityId, field: 'icuBedsOccupied' });
  }
  const unchanged =
    state.icuBedsOpen === icuBedsOpen &&
    state.icuBedsOccupied === icuBedsOccupied &&
    state.criticalCareDoctors === criticalCareDoctors &&
    state.criticalCareNurses === criticalCareNurses;
  if (unchanged) return [];
  return [contractEvent(FacilityCapacityChanged, { facilityId, icuBedsOpen, icuBedsOccupied, criticalCareDoctors, criticalCareNurses })];
}
