import { createHash } from 'node:crypto';

/**
 * A resident's id follows from their national ID, so two registrations of one person write to
 * the same stream and the event store's `no_stream` check settles any race: the second is a
 * conflict that names the first. Hashed, so the id does not show the national ID.
 */
export function residentIdFor(nationalId: string): string {
  const hex = createHash('sha256').update(`gridcare/resident/${nationalId.trim().toUpperCase()}`).digest('hex');
  // Laid out as an RFC 9562 name-based UUID (version 8, variant 10).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
