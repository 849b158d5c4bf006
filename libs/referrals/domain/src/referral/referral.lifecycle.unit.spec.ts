import { deciderSpecification } from '@gridcare/decider/testing';
import { ReferralCommand } from './referral-commands';
import { ReferralEvent } from './referral-events';
import { referralDecider } from './referral.decider';
import {
  accepted,
  admitted,
  cancelled,
  discharged,
  DOWNWARD_REFERRAL_ID,
  downwardRequested,
  HISTORY,
  inTransit,
  MODERATE,
  REFERRAL_ID,
  referredDown,
  requested,
  requestReferral,
  stateAfter,
} from './testing/referral-fixtures';

const spec = deciderSpecification(referralDecider);
const referralId = REFERRAL_ID;

describe('referral lifecycle', () => {
  it('requested, accepted with a bed held, in transit, admitted, discharged', () => {
    spec.given(HISTORY.requested()).when({ type: 'AcceptReferral', referralId, facilityId: 'sh-g01-a', icuBedHeld: true }).then([accepted(true)]);
    spec.given(HISTORY.accepted()).when({ type: 'StartTransit', referralId }).then([inTransit()]);
    spec.given(HISTORY['in-transit']()).when({ type: 'AdmitPatient', referralId, facilityId: 'sh-g01-a' }).then([admitted(true)]);
    spec.given(HISTORY.admitted()).when({ type: 'DischargePatient', referralId, facilityId: 'sh-g01-a' }).then([discharged()]);
    expect(stateAfter(HISTORY.discharged())).toMatchObject({ status: 'discharged', icuBedHeld: false });
  });

  it('admitted, then referred down: the downward referral is its own, named here', () => {
    spec.given(HISTORY.admitted()).when({ type: 'ReferDown', referralId, facilityId: 'sh-g01-a', downwardReferralId: DOWNWARD_REFERRAL_ID }).then([referredDown()]);
    expect(stateAfter(HISTORY['referred-down']()).status).toBe('referred-down');
  });

  it('a referral that needs no ICU bed is accepted without one', () => {
    spec.given([requested(requestReferral(MODERATE))]).when({ type: 'AcceptReferral', referralId, facilityId: 'sh-g01-a', icuBedHeld: false }).then([accepted(false)]);
  });

  it('an accept retried by the facility that accepted changes nothing', () => {
    spec.given(HISTORY.accepted()).when({ type: 'AcceptReferral', referralId, facilityId: 'sh-g01-a', icuBedHeld: true }).then([]);
  });

  it('an admission says the held bed is now occupied, and the referral holds none any more', () => {
    expect(stateAfter(HISTORY['in-transit']())).toMatchObject({ icuBedHeld: true });
    expect(stateAfter(HISTORY.admitted())).toMatchObject({ icuBedHeld: false });
  });

  it('is cancelled before admission, saying whether a held bed must be released', () => {
    const cancel = { type: 'CancelReferral' as const, referralId, reason: 'recovered at home' };
    spec.given(HISTORY.requested()).when(cancel).then([cancelled(false)]);
    spec.given(HISTORY.accepted()).when(cancel).then([cancelled(true)]);
    spec.given(HISTORY['in-transit']()).when(cancel).then([cancelled(true)]);
  });

  it('a downward referral runs the same lifecycle to discharge at grassroots', () => {
    const downward = { referralId: DOWNWARD_REFERRAL_ID, facilityId: 'chs-g01-home' };
    const commands: ReferralCommand[] = [
      { type: 'AcceptReferral', ...downward, icuBedHeld: false },
      { type: 'StartTransit', referralId: downward.referralId },
      { type: 'AdmitPatient', ...downward },
      { type: 'DischargePatient', ...downward },
    ];
    const events = commands.reduce<ReferralEvent[]>((history, command) => [...history, ...referralDecider.decide(command, stateAfter(history))], [downwardRequested()]);
    expect(events.map((event) => event.type)).toEqual(['ReferralRequested', 'ReferralAccepted', 'ReferralInTransit', 'PatientAdmitted', 'PatientDischarged']);
    expect(stateAfter(events)).toMatchObject({ status: 'discharged', facilityId: 'chs-g01-home' });
  });
});
