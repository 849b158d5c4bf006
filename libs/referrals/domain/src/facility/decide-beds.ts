import { BedHeld, BedReleased, freeIcuBeds } from '@gridcare/referrals-contracts';
import { contractEvent } from '@gridcare/decider';
import { HoldBed, ReleaseBed } from './facility-commands';
import { refuseFacility } from './facility-errors';
import { FacilityEvent } from './facility-events';
import { FacilityState, icuBedsOf } from './facility-state';

/**
 * Holds an ICU bed on the facility's own stream. Appended with the revision the decision was
 * made on, so of two referrals racing for the last bed one appends, and the other is re-decided
 * on the new state and refused: a bed is never held twice.
 */
export function decideHoldBed(command: HoldBed, state: FacilityState): FacilityEvent[] {
  const { facilityId, referralId } = command;
  if (state.status !== 'registered') throw refuseFacility('FACILITY_NOT_REGISTERED', `facility ${facilityId} is not registered`, { facilityId });
  if (state.holds.has(referralId)) return [];
  if (!state.registration.capabilities.includes('icu')) throw refuseFacility('NO_ICU_CAPABILITY', `facility ${facilityId} has no ICU`, { facilityId });
  const beds = icuBedsOf(state);
  if (freeIcuBeds(beds) === 0) {
    throw refuseFacility('NO_ICU_BED_OPEN', `facility ${facilityId} has no open ICU bed (${beds.open} open, ${beds.occupied} occupied, ${beds.held} held)`, {
      facilityId,
      icuBeds: beds,
    });
  }
  return [contractEvent(BedHeld, { facilityId, referralId })];
}

/** Releasing a hold already released changes nothing, so a retried release is safe. */
export function decideReleaseBed(command: ReleaseBed, state: FacilityState): FacilityEvent[] {
  const { facilityId, referralId, reason } = command;
  if (state.status !== 'registered') throw refuseFacility('FACILITY_NOT_REGISTERED', `facility ${facilityId} is not registered`, { facilityId });
  if (state.released.has(referralId) && !state.holds.has(referralId)) return [];
  if (!state.holds.has(referralId)) throw refuseFacility('BED_NOT_HELD', `facility ${facilityId} holds no ICU bed for referral ${referralId}`, { facilityId, referralId });
  return [contractEvent(BedReleased, { facilityId, referralId, reason })];
}
