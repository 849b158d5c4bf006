import { deciderSpecification } from '@gridcare/decider/testing';
import { ReferralCommand } from './referral-commands';
import { ReferralEvent } from './referral-events';
import { ReferralStatus } from './referral-state';
import { REFERRAL_TRANSITIONS } from './referral-transitions';
import { referralDecider } from './referral.decider';
import { DOWNWARD_REFERRAL_ID, downwardRequested, HISTORY, MODERATE, redirect, REFERRAL_ID, requested, requestReferral, stateAfter } from './testing/referral-fixtures';

const spec = deciderSpecification(referralDecider);
const referralId = REFERRAL_ID;
const facilityId = 'sh-g01-a';

const COMMANDS: Record<keyof typeof REFERRAL_TRANSITIONS, ReferralCommand> = {
  AcceptReferral: { type: 'AcceptReferral', referralId, facilityId, icuBedHeld: true },
  RedirectReferral: redirect(facilityId),
  StartTransit: { type: 'StartTransit', referralId },
  StartEmergencyObservation: { type: 'StartEmergencyObservation', referralId, facilityId, emergencyDepartment: true, startedAt: '2026-01-15T10:00:00+08:00' },
  AdmitPatient: { type: 'AdmitPatient', referralId, facilityId },
  DischargePatient: { type: 'DischargePatient', referralId, facilityId },
  ReferDown: { type: 'ReferDown', referralId, facilityId, downwardReferralId: DOWNWARD_REFERRAL_ID },
  CancelReferral: { type: 'CancelReferral', referralId, reason: 'recovered at home' },
};

/** The events the commands decide, one after another, after `given`. */
const decideAll = (given: ReferralEvent[], commands: ReferralCommand[]): ReferralEvent[] =>
  commands.reduce((events, command) => [...events, ...referralDecider.decide(command, stateAfter(events))], given);

const STATUSES = Object.keys(HISTORY) as (keyof typeof HISTORY)[];
const INVALID = (Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]).flatMap((command) =>
  STATUSES.filter((status) => !REFERRAL_TRANSITIONS[command].from.includes(status as ReferralStatus)).map((status) => [command, status] as const),
);

describe('invalid referral transitions are typed errors', () => {
  it('covers every command from every status it may not leave', () => {
    expect(INVALID).toHaveLength(8 * 8 - 14);
  });

  it.each(INVALID)('%s on a %s referral', (command, status) => {
    // A retried accept by the same facility is the one repeat that is not an error.
    if (command === 'AcceptReferral' && status === 'accepted') return;
    spec
      .given(HISTORY[status]())
      .when(COMMANDS[command])
      .thenThrows({ code: 'INVALID_REFERRAL_TRANSITION', details: { referralId, command, status, allowedFrom: REFERRAL_TRANSITIONS[command].from } });
  });

  it.each(Object.keys(COMMANDS))('%s on a referral never requested', (command) => {
    spec.given([]).when(COMMANDS[command as keyof typeof COMMANDS]).thenThrows({ code: 'REFERRAL_NOT_REQUESTED' });
  });

  describe('and so are the other refusals', () => {
    it('a facility the referral is not routed to accepts, admits, discharges or refers down', () => {
      const elsewhere = { code: 'NOT_THE_ROUTED_FACILITY', details: { field: 'facilityId', facilityId: 'h-g01', routedFacilityId: facilityId } };
      spec.given(HISTORY.requested()).when({ type: 'AcceptReferral', referralId, facilityId: 'h-g01', icuBedHeld: true }).thenThrows(elsewhere);
      spec.given(HISTORY['in-transit']()).when({ type: 'AdmitPatient', referralId, facilityId: 'h-g01' }).thenThrows(elsewhere);
      spec.given(HISTORY.admitted()).when({ type: 'DischargePatient', referralId, facilityId: 'h-g01' }).thenThrows(elsewhere);
      spec.given(HISTORY.admitted()).when({ type: 'ReferDown', referralId, facilityId: 'h-g01', downwardReferralId: DOWNWARD_REFERRAL_ID }).thenThrows(elsewhere);
      spec.given(HISTORY.accepted()).when({ type: 'AcceptReferral', referralId, facilityId: 'h-g01', icuBedHeld: true }).thenThrows({ code: 'INVALID_REFERRAL_TRANSITION' });
    });

    it('accepting a referral that needs an ICU bed without holding one', () => {
      spec.given(HISTORY.requested()).when({ type: 'AcceptReferral', referralId, facilityId, icuBedHeld: false }).thenThrows({ code: 'ICU_BED_NOT_HELD' });
      spec.given([requested(requestReferral(MODERATE))]).when({ type: 'AcceptReferral', referralId, facilityId, icuBedHeld: true }).then([
        { type: 'ReferralAccepted', data: { referralId, facilityId, icuBedHeld: true } },
      ]);
    });

    it('referring down a referral that already came down', () => {
      const downward = { referralId: DOWNWARD_REFERRAL_ID, facilityId: 'chs-g01-home' };
      const admittedAtGrassroots = decideAll(
        [downwardRequested()],
        [{ type: 'AcceptReferral', ...downward, icuBedHeld: false }, { type: 'StartTransit', referralId: downward.referralId }, { type: 'AdmitPatient', ...downward }],
      );
      spec.given(admittedAtGrassroots).when({ type: 'ReferDown', ...downward, downwardReferralId: referralId }).thenThrows({ code: 'NOT_AN_UPWARD_REFERRAL' });
    });

    it('a cancellation without a reason', () => {
      spec.given(HISTORY.requested()).when({ type: 'CancelReferral', referralId, reason: '  ' }).thenThrows({ code: 'REASON_REQUIRED', details: { field: 'reason' } });
    });
  });
});
