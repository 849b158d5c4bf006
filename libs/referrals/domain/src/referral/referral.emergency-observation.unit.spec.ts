import { deciderSpecification } from '@gridcare/decider/testing';
import { emergencyObservationBreachCutoff, EMERGENCY_OBSERVATION_LIMIT_HOURS, isEmergencyObservationBreached } from './emergency-observation';
import { StartEmergencyObservation } from './referral-commands';
import { referralDecider } from './referral.decider';
import { accepted, admitted, cancelled, discharged, HISTORY, inTransit, MODERATE, observationStarted, REFERRAL_ID, RESIDENT_ID, requested, requestReferral, STARTED_AT, stateAfter } from './testing/referral-fixtures';

const spec = deciderSpecification(referralDecider);
const referralId = REFERRAL_ID;
const facilityId = 'sh-g01-a';
const observe = (overrides: Partial<StartEmergencyObservation> = {}): StartEmergencyObservation => ({
  type: 'StartEmergencyObservation',
  referralId,
  facilityId,
  emergencyDepartment: true,
  startedAt: STARTED_AT,
  ...overrides,
});
const arrived = () => [requested(requestReferral(MODERATE)), accepted(false), inTransit()];

describe('emergency-department observation', () => {
  it('starts when the patient arrives at the routed emergency department with no bed: the clock the handler gave', () => {
    spec.given(arrived()).when(observe()).then([
      { type: 'EmergencyObservationStarted', data: { referralId, residentId: RESIDENT_ID, facilityId, startedAt: STARTED_AT } },
    ]);
    expect(stateAfter([...arrived(), observationStarted()])).toMatchObject({ status: 'under-observation', facilityId });
  });

  it('ends with an admission, a discharge from the emergency department, a transfer (a redirect) or a cancellation', () => {
    spec.given(HISTORY['under-observation']()).when({ type: 'AdmitPatient', referralId, facilityId }).then([admitted(false)]);
    spec.given(HISTORY['under-observation']()).when({ type: 'DischargePatient', referralId, facilityId }).then([discharged()]);
    spec.given(HISTORY['under-observation']()).when({ type: 'CancelReferral', referralId, reason: 'left against advice' }).then([cancelled(false, 'left against advice')]);
    const [redirected] = referralDecider.decide(
      { type: 'RedirectReferral', referralId, decliningFacilityId: facilityId, declineReason: 'over-capacity', note: null, ...restOf(requestReferral(MODERATE)) },
      stateAfter(HISTORY['under-observation']()),
    );
    expect(redirected).toMatchObject({ type: 'ReferralRedirected', data: { decliningFacilityId: facilityId, decision: { inputs: { excludedFacilityIds: [facilityId] } } } });
  });

  it('only at the routed facility, with an emergency department, and not for a patient an ICU bed is held for', () => {
    spec.given(arrived()).when(observe({ facilityId: 'h-g01' })).thenThrows({ code: 'NOT_THE_ROUTED_FACILITY' });
    spec.given(arrived()).when(observe({ emergencyDepartment: false })).thenThrows({ code: 'NO_EMERGENCY_DEPARTMENT', details: { referralId, facilityId } });
    spec.given(HISTORY['in-transit']()).when(observe()).thenThrows({ code: 'ICU_BED_HELD', details: { referralId, facilityId } });
  });

  it('only for a patient on their way: not before, not twice, not after admission', () => {
    for (const status of ['requested', 'accepted', 'under-observation', 'admitted', 'discharged', 'cancelled'] as const) {
      spec.given(HISTORY[status]()).when(observe()).thenThrows({ code: 'INVALID_REFERRAL_TRANSITION', details: { status, allowedFrom: ['in-transit'] } });
    }
  });

  describe('the 24-hour limit, against the clock', () => {
    const started = new Date(STARTED_AT);
    const hours = (n: number) => new Date(started.getTime() + n * 3_600_000);

    it('is 24 hours', () => {
      expect(EMERGENCY_OBSERVATION_LIMIT_HOURS).toBe(24);
      expect(emergencyObservationBreachCutoff(hours(24))).toEqual(started);
    });

    it('is breached only past 24 hours, and only while still under observation', () => {
      expect(isEmergencyObservationBreached(started, null, hours(23.9))).toBe(false);
      expect(isEmergencyObservationBreached(started, null, hours(24))).toBe(false);
      expect(isEmergencyObservationBreached(started, null, hours(24.01))).toBe(true);
      expect(isEmergencyObservationBreached(started, hours(30), hours(31))).toBe(false);
    });
  });
});

/** The routing context of a command, for a redirect on the same city. */
function restOf({ decisionId: _id, capacity, grid, policy }: ReturnType<typeof requestReferral>) {
  return { decisionId: 'd0000000-0000-4000-8000-000000000009', capacity, grid, policy };
}
