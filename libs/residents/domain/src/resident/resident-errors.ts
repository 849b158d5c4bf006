import { DomainError } from '@gridcare/decider';

/** Why the resident decider refused a command: stable codes the API maps to errors. */
export type ResidentErrorCode =
  | 'RESIDENT_ALREADY_REGISTERED'
  | 'RESIDENT_NOT_REGISTERED'
  | 'RESIDENT_NOT_TRIAGED'
  | 'NATIONAL_ID_INVALID'
  | 'BIRTH_DATE_MISMATCH'
  | 'BIRTH_DATE_IN_FUTURE'
  | 'AS_OF_BEFORE_BIRTH_DATE'
  | 'PREGNANT_WHILE_MALE'
  | 'NO_CHANGE'
  | 'REASON_REQUIRED'
  | 'INVALID_TRIGGER'
  | 'OVERRIDE_NOT_PERMITTED'
  | 'TIER_UNCHANGED'
  | 'EPISODE_ALREADY_OPEN'
  | 'NO_OPEN_EPISODE'
  | 'DATE_IN_FUTURE'
  | 'DATE_BEFORE_ONSET'
  | 'FOLLOW_UP_NOT_PENDING'
  | 'FOLLOW_UP_ALREADY_COMPLETED'
  | 'NO_FOLLOW_UP_PLAN'
  | 'FREQUENCY_NOT_RAISED';

export const refuse = (code: ResidentErrorCode, message: string, details: Record<string, unknown> = {}): DomainError => new DomainError(code, message, details);

export const isBlank = (text: string): boolean => text.trim() === '';
