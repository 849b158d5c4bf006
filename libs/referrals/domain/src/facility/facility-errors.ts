import { DomainError } from '@gridcare/decider';

/** Why the facility decider refused a command: stable codes the API maps to errors. */
export type FacilityErrorCode =
  | 'FACILITY_ALREADY_REGISTERED'
  | 'FACILITY_NOT_REGISTERED'
  | 'NO_ICU_CAPABILITY'
  | 'OCCUPIED_EXCEEDS_OPEN'
  | 'NO_ICU_BED_OPEN'
  | 'BED_NOT_HELD';

export const refuseFacility = (code: FacilityErrorCode, message: string, details: Record<string, unknown> = {}): DomainError => new DomainError(code, message, details);
