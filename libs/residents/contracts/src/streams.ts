import { createHash } from 'node:crypto';

/** One stream per resident: its registration, corrections, moves and triage decisions. */
export const residentStream = (residentId: string): string => `resident-${residentId}`;

/** One stream per resident for what was handed to them: contact service card, health kits, finger oximeter. */
export const residentSuppliesStream = (residentId: string): string => `resident-supplies-${residentId}`;

/** One stream per resident for the community worker they are assigned to: reassigning never races with care. */
export const residentAssignmentStream = (residentId: string): string => `resident-assignment-${residentId}`;

/** Every published triage rule set, in publication order. */
export const TRIAGE_RULE_SET_STREAM = 'triage-rule-set';

/**
 * The stream that claims a national ID for one resident (appended with expectedRevision
 * no_stream, so the first writer wins). Named by a hash: stream names end up in logs, URLs and
 * metrics, where personal data must not. Pseudonymous only: IDs are few enough to enumerate, so
 * the hash keeps an ID out of sight, not secret from someone who sets out to recover it.
 */
export const nationalIdClaimStream = (nationalId: string): string =>
  `resident-national-id-${createHash('sha256').update(nationalId, 'utf8').digest('hex').slice(0, 32)}`;

/**
 * One stream per answer that showed personal data (its PersonalDataRead): a new stream is written
 * without reading or racing anything, so concurrent requests of one reader never contend.
 */
export const personalDataReadStream = (readId: string): string => `personal-data-read-${readId}`;
