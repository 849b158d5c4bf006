import { Decider } from '@gridcare/decider';
import {
  decideAcceptReferral,
  decideAdmitPatient,
  decideCancelReferral,
  decideDischargePatient,
  decideReferDown,
  decideStartEmergencyObservation,
  decideStartTransit,
} from './decide-referral-lifecycle';
import { decideRedirectReferral, decideRequestReferral } from './decide-request-referral';
import { ReferralCommand } from './referral-commands';
import { ReferralEvent } from './referral-events';
import { evolveReferral, initialReferralState, ReferralState } from './referral-state';

/**
 * A referral's stream (referralStream): its routing decisions and its lifecycle. Bed holds are
 * decided on the facility's stream; an accept says whether one is held, and an admission or a
 * cancellation says whether the held bed must be released there.
 */
export const referralDecider: Decider<ReferralCommand, ReferralState, ReferralEvent> = {
  initialState: initialReferralState,
  evolve: evolveReferral,
  decide: (command, state) => {
    switch (command.type) {
      case 'RequestReferral':
        return decideRequestReferral(command, state);
      case 'RedirectReferral':
        return decideRedirectReferral(command, state);
      case 'AcceptReferral':
        return decideAcceptReferral(command, state);
      case 'StartTransit':
        return decideStartTransit(command, state);
      case 'StartEmergencyObservation':
        return decideStartEmergencyObservation(command, state);
      case 'AdmitPatient':
        return decideAdmitPatient(command, state);
      case 'DischargePatient':
        return decideDischargePatient(command, state);
      case 'ReferDown':
        return decideReferDown(command, state);
      case 'CancelReferral':
        return decideCancelReferral(command, state);
    }
  },
};
