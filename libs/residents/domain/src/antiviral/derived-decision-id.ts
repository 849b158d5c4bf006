import { createHash } from 'node:crypto';

/**
 * A second decision made by one command (its triage is `decisionId`) gets an id derived from
 * it, name-based like a UUID version 5: re-running the command derives the same id.
 */
export function derivedDecisionId(decisionId: string, purpose: string): string {
  const bytes = createHash('sha1').update(`${decisionId}/${purpose}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
