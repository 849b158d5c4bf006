import { RecordedEvent } from '@gridcare/event-store';
import { AuditRecordRead, AuditRecordReadData } from '@gridcare/audit-domain';
import { ReadModel } from '@gridcare/projections';
import { PersonalDataRead, PersonalDataReadData } from '@gridcare/residents-contracts';
import { PoolClient } from 'pg';

const INSERT = `
INSERT INTO access_log (commit_position, prepare_position, ordinal, event_id, at, actor_id, actor_role, action, resident_id)
SELECT r.commit_position, r.prepare_position, r.ordinal, r.event_id, r.at, r.actor_id, r.actor_role, r.action, r.resident_id
FROM jsonb_to_recordset($1::jsonb) AS r(commit_position numeric, prepare_position numeric, ordinal int, event_id uuid, at timestamptz,
  actor_id text, actor_role text, action text, resident_id uuid)
ON CONFLICT DO NOTHING`;

/** One access-log row per resident a read showed, with what was read. */
function entriesOf(event: RecordedEvent): { residentId: string; action: string }[] {
  if (event.type === AuditRecordRead.type) {
    const data = event.data as AuditRecordReadData;
    return [{ residentId: data.residentId, action: data.record }];
  }
  const data = event.data as PersonalDataReadData;
  return data.residentIds.map((residentId) => ({ residentId, action: `personal-data:${data.fields.join('+')}` }));
}

/**
 * The access log: who read which resident's personal data (the residents service's
 * PersonalDataRead) or case records (the audit's own AuditRecordRead), when and under which role;
 * in log order, one row per resident shown.
 */
export const accessLogProjection: ReadModel = {
  name: 'access-log',
  tables: ['access_log'],
  eventTypes: [PersonalDataRead.type, AuditRecordRead.type],
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const rows = events.flatMap((event) =>
      entriesOf(event).map((entry, ordinal) => ({
        commit_position: event.position.commit.toString(),
        prepare_position: event.position.prepare.toString(),
        ordinal,
        event_id: event.id,
        at: event.recordedAt.toISOString(),
        actor_id: event.metadata.actor.id,
        actor_role: event.metadata.actor.role,
        action: entry.action,
        resident_id: entry.residentId,
      })),
    );
    if (rows.length > 0) await tx.query(INSERT, [JSON.stringify(rows)]);
  },
};
