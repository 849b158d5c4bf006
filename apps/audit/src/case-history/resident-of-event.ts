import { RecordedEvent } from '@gridcare/event-store';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Streams named after the resident they are about (residents' and referrals' stream names). */
const RESIDENT_STREAM = new RegExp(`^(?:resident|resident-supplies|resident-assignment|referral-policy|vaccination)-(${UUID})$`, 'i');
const REFERRAL_STREAM = new RegExp(`^referral-(${UUID})$`, 'i');

/**
 * Which resident an event is about: from its stream's name, from the `residentId` it carries,
 * or, for a referral's later events (which do not name the resident), from the referral it
 * belongs to. Null for events about no one resident (facilities, grids, rule sets).
 */
export function residentOfEvent(event: RecordedEvent, residentOfReferral: (referralId: string) => string | undefined): string | null {
  const named = RESIDENT_STREAM.exec(event.streamId);
  if (named) return named[1].toLowerCase();
  const data = event.data as { residentId?: unknown } | null;
  if (typeof data?.residentId === 'string' && new RegExp(`^${UUID}$`, 'i').test(data.residentId)) return data.residentId.toLowerCase();
  const referral = REFERRAL_STREAM.exec(event.streamId);
  return referral ? residentOfReferral(referral[1].toLowerCase()) ?? null : null;
}

/** The referral a `referral-<uuid>` stream holds (not `referral-policy-<residentId>`). */
export function referralOfStream(streamId: string): string | null {
  return REFERRAL_STREAM.exec(streamId)?.[1].toLowerCase() ?? null;
}

/** The referral a ReferralRequested opens, and its resident. */
export function referralOpened(event: RecordedEvent): { referralId: string; residentId: string } | null {
  if (event.type !== 'ReferralRequested') return null;
  const data = event.data as { referralId: string; residentId: string };
  return { referralId: data.referralId, residentId: data.residentId };
}
