import { ReadModel } from '@gridcare/projections';
import { APPLY_SUPPLIES } from './resident-supplies.sql';

/** The fields of the four supplies events (see their contracts); each event has some of them. */
interface SuppliesData {
  residentId: string;
  communityId: string;
  cardId?: string;
  communityPhone?: string;
  familyDoctorHotline?: string;
  emergencyNumber?: string;
  issuedOn?: string;
  replacesCardId?: string | null;
  kits?: number;
  serialNumber?: string;
}

/**
 * What residents were handed (resident_supplies) and the counts per community where it was
 * handed out (community_supplies), in one set-based statement per batch.
 */
export const residentSuppliesProjection: ReadModel = {
  name: 'resident-supplies',
  tables: ['resident_supplies', 'community_supplies'],
  eventTypes: ['ContactServiceCardIssued', 'HealthKitsHandedOut', 'FingerOximeterHandedOut', 'FingerOximeterReturned'],

  async apply(events, tx) {
    const rows = events.map((event) => ({ event, data: event.data as SuppliesData }));
    await tx.query(APPLY_SUPPLIES, [
      rows.map((r) => r.event.type),
      rows.map((r) => r.data.residentId),
      rows.map((r) => r.data.communityId),
      rows.map((r) => r.data.cardId ?? null),
      rows.map((r) => r.data.communityPhone ?? null),
      rows.map((r) => r.data.familyDoctorHotline ?? null),
      rows.map((r) => r.data.emergencyNumber ?? null),
      rows.map((r) => r.data.issuedOn ?? null),
      rows.map((r) => r.data.replacesCardId ?? null),
      rows.map((r) => r.data.kits ?? null),
      rows.map((r) => r.data.serialNumber ?? null),
      rows.map((r) => r.event.metadata.actor.id),
      rows.map((r) => r.event.recordedAt),
      rows.map((r) => r.event.revision),
    ]);
  },
};
