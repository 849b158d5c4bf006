import { createHash } from 'node:crypto';

/** A UUID named by `name` (RFC 9562 version 8: the first 128 bits of SHA-256), the same on every run. */
function nameBasedUuid(namespace: string, name: string): string {
  const bytes = createHash('sha256').update(`${namespace}:${name}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The referral a trigger opens, named by the triggering event: handling the event again (a
 * redelivery, a restart before the checkpoint moved) requests the same referral, which the
 * event store's no_stream check refuses (REFERRAL_ALREADY_REQUESTED) instead of opening a second.
 */
export const referralIdForTrigger = (triggerEventId: string): string => nameBasedUuid('gridcare.referral-policy.referral', triggerEventId);

/** The id of the ReferralTriggerSkipped a trigger records: appending it again is a no-op. */
export const skipEventIdForTrigger = (triggerEventId: string): string => nameBasedUuid('gridcare.referral-policy.skipped', triggerEventId);
