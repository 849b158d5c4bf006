import { EventContract, EventContractRegistry } from '@gridcare/event-contracts';
import { referralsContracts } from '@gridcare/referrals-contracts';
import {
  ReferralAssistanceRequested,
  ResidentCorrected,
  ResidentMoved,
  ResidentRegistered,
  ResidentTierOverridden,
  ResidentTriaged,
  Spo2Recorded,
} from '@gridcare/residents-contracts';

/**
 * The residents service's events the referrals service reads: the facts it keeps of residents
 * and the referral policy's triggers. Registered with the service's own contracts, so they are
 * validated (and upcast) when read, like its own.
 */
export const RESIDENTS_EVENTS_READ: readonly EventContract[] = [
  ResidentRegistered,
  ResidentCorrected,
  ResidentMoved,
  ResidentTriaged,
  ResidentTierOverridden,
  Spo2Recorded,
  ReferralAssistanceRequested,
];

/** Every event the referrals service writes, and the residents' events it reads. */
export const referralsServiceContracts = (): EventContractRegistry => referralsContracts().register(...RESIDENTS_EVENTS_READ);
