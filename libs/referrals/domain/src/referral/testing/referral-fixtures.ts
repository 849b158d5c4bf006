// Referrals in the routing specs' small city (../../routing/testing/routing-fixtures).
import { fold } from '@gridcare/decider';
import { RoutingInputs } from '@gridcare/referrals-contracts';
import { defaultRoutingPolicy } from '../../routing';
import { city, downFromTertiary, GRID, inputs } from '../../routing/testing/routing-fixtures';
import { RedirectReferral, RequestReferral } from '../referral-commands';
import { ReferralEvent, ReferralRequestedEvent } from '../referral-events';
import { referralDecider } from '../referral.decider';

export const REFERRAL_ID = 'a0000000-0000-4000-8000-000000000001';
export const DOWNWARD_REFERRAL_ID = 'a0000000-0000-4000-8000-000000000002';
export const RESIDENT_ID = '3f0e1d2c-4b5a-4697-8a8b-9c0d1e2f3a4b';
export const decisionId = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Critically ill: the green channel to sh-g01-a, its last ICU bed. */
export const CRITICAL = inputs({ severity: 'critical', ageYears: 72, tier: 'red', spo2: 88 });
/** Moderate: within the grid to sh-g01-a, no ICU bed. */
export const MODERATE = inputs();

export const requestReferral = (routingInputs: RoutingInputs = CRITICAL, overrides: Partial<RequestReferral> = {}): RequestReferral => ({
  type: 'RequestReferral',
  referralId: REFERRAL_ID,
  residentId: RESIDENT_ID,
  parentReferralId: null,
  inputs: routingInputs,
  decisionId: decisionId(1),
  capacity: city(),
  grid: GRID,
  policy: defaultRoutingPolicy(),
  ...overrides,
});

export const redirect = (decliningFacilityId: string, overrides: Partial<RedirectReferral> = {}): RedirectReferral => ({
  type: 'RedirectReferral',
  referralId: REFERRAL_ID,
  decliningFacilityId,
  declineReason: 'no-icu-bed',
  note: null,
  decisionId: decisionId(2),
  capacity: city(),
  grid: GRID,
  policy: defaultRoutingPolicy(),
  ...overrides,
});

/** The event a request decides on an empty stream: the given of the lifecycle specs. */
export const requested = (command: RequestReferral = requestReferral()): ReferralRequestedEvent =>
  referralDecider.decide(command, referralDecider.initialState())[0] as ReferralRequestedEvent;

export const downwardRequested = () =>
  requested(requestReferral(downFromTertiary(), { referralId: DOWNWARD_REFERRAL_ID, parentReferralId: REFERRAL_ID }));

const at = 'sh-g01-a';
export const accepted = (icuBedHeld = true, facilityId = at): ReferralEvent => ({ type: 'ReferralAccepted', data: { referralId: REFERRAL_ID, facilityId, icuBedHeld } });
export const inTransit = (facilityId = at): ReferralEvent => ({ type: 'ReferralInTransit', data: { referralId: REFERRAL_ID, facilityId } });
export const STARTED_AT = '2026-01-15T09:30:00+08:00';
export const observationStarted = (facilityId = at): ReferralEvent => ({
  type: 'EmergencyObservationStarted',
  data: { referralId: REFERRAL_ID, residentId: RESIDENT_ID, facilityId, startedAt: STARTED_AT },
});
export const admitted = (icuBedHeld = true, facilityId = at): ReferralEvent => ({ type: 'PatientAdmitted', data: { referralId: REFERRAL_ID, facilityId, icuBedHeld } });
export const discharged = (facilityId = at): ReferralEvent => ({ type: 'PatientDischarged', data: { referralId: REFERRAL_ID, facilityId } });
export const referredDown = (facilityId = at): ReferralEvent => ({ type: 'ReferredDown', data: { referralId: REFERRAL_ID, facilityId, downwardReferralId: DOWNWARD_REFERRAL_ID } });
export const cancelled = (icuBedHeld: boolean, reason = 'recovered at home'): ReferralEvent => ({
  type: 'ReferralCancelled',
  data: { referralId: REFERRAL_ID, facilityId: at, reason, icuBedHeld },
});

/** Events that leave a critical referral in each status. */
export const HISTORY = {
  requested: () => [requested()],
  accepted: () => [requested(), accepted()],
  'in-transit': () => [requested(), accepted(), inTransit()],
  // A moderate referral (no ICU bed held): an arrival at the emergency department with no bed yet.
  'under-observation': () => [requested(requestReferral(MODERATE)), accepted(false), inTransit(), observationStarted()],
  admitted: () => [requested(), accepted(), inTransit(), admitted()],
  discharged: () => [requested(), accepted(), inTransit(), admitted(), discharged()],
  'referred-down': () => [requested(), accepted(), inTransit(), admitted(), referredDown()],
  cancelled: () => [requested(), cancelled(false)],
} satisfies Record<string, () => ReferralEvent[]>;

export const stateAfter = (events: ReferralEvent[]) => fold(referralDecider, events);
