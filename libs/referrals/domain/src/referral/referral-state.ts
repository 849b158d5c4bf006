import { Direction, RoutingInputs } from '@gridcare/referrals-contracts';
import { ReferralEvent } from './referral-events';

/** Where a referral is in its lifecycle; the last three are final. */
export type ReferralStatus = 'requested' | 'accepted' | 'in-transit' | 'under-observation' | 'admitted' | 'discharged' | 'referred-down' | 'cancelled';

/** A referral in one of these is over: the resident may be referred again. */
export const FINAL_REFERRAL_STATUSES: readonly ReferralStatus[] = ['discharged', 'referred-down', 'cancelled'];

export interface OpenedReferral {
  readonly status: ReferralStatus;
  readonly referralId: string;
  readonly residentId: string;
  readonly direction: Direction;
  /** The facility the last routing decision chose: the one that may accept, decline, admit. */
  readonly facilityId: string;
  readonly icuBedRequired: boolean;
  readonly icuBedHeld: boolean;
  /** The last decision's inputs: a redirect routes the same patient again, without the declining facility. */
  readonly inputs: RoutingInputs;
}

export type ReferralState = { readonly status: 'none' } | OpenedReferral;

export const initialReferralState = (): ReferralState => ({ status: 'none' });

export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralRequested') {
    const { referralId, residentId, decision } = event.data;
    return {
      status: 'requested',
      referralId,
      residentId,
      direction: decision.inputs.direction,
      facilityId: decision.outcome.facilityId,
      icuBedRequired: decision.outcome.icuBedRequired,
      icuBedHeld: false,
      inputs: decision.inputs,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ReferralRedirected': {
      const { decision } = event.data;
      return { ...state, status: 'requested', facilityId: decision.outcome.facilityId, icuBedRequired: decision.outcome.icuBedRequired, inputs: decision.inputs };
    }
    case 'ReferralAccepted':
      return { ...state, status: 'accepted', icuBedHeld: event.data.icuBedHeld };
    case 'ReferralInTransit':
      return { ...state, status: 'in-transit' };
    case 'EmergencyObservationStarted':
      return { ...state, status: 'under-observation' };
    case 'PatientAdmitted':
      // The held bed is occupied now: the referral holds nothing any more.
      return { ...state, status: 'admitted', icuBedHeld: false };
    case 'PatientDischarged':
      return { ...state, status: 'discharged' };
    case 'ReferredDown':
      return { ...state, status: 'referred-down' };
    case 'ReferralCancelled':
      return { ...state, status: 'cancelled', icuBedHeld: false };
  }
}
