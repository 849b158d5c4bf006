import { DomainError } from '@gridcare/decider';

/** Why the referral decider refused a command: stable codes the API maps to errors. */
export type ReferralErrorCode =
  | 'REFERRAL_ALREADY_REQUESTED'
  | 'REFERRAL_NOT_REQUESTED'
  | 'INVALID_REFERRAL_TRANSITION'
  | 'NOT_THE_ROUTED_FACILITY'
  | 'ICU_BED_NOT_HELD'
  | 'NOT_AN_UPWARD_REFERRAL'
  | 'INVALID_ROUTING_INPUTS'
  | 'REASON_REQUIRED'
  | 'NO_EMERGENCY_DEPARTMENT'
  | 'ICU_BED_HELD';

export const refuseReferral = (code: ReferralErrorCode, message: string, details: Record<string, unknown> = {}): DomainError => new DomainError(code, message, details);
