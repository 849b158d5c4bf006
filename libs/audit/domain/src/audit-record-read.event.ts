import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';

/** What an auditor read about a resident. */
export const AuditRecord = z.enum(['case-history', 'case-as-of']);
export type AuditRecord = z.infer<typeof AuditRecord>;

/**
 * An auditor read a resident's case history or their case as of a moment: one event per read, on
 * a stream of its own (auditRecordReadStream), written by the audit service before it answers.
 * The actor in the metadata is who read it, under which role; the access log is made of these
 * and of the residents service's PersonalDataRead events.
 */
export const AuditRecordRead = defineEventContract({
  type: 'AuditRecordRead',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    record: AuditRecord,
  }),
});
export type AuditRecordReadData = EventData<typeof AuditRecordRead>;

export const auditRecordReadStream = (readId: string): string => `audit-record-read-${readId}`;
