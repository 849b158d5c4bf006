import { RecordedEvent } from '@gridcare/event-store';
import { Projection } from '@gridcare/projections';
import { PoolClient } from 'pg';

const INSERT = `
INSERT INTO audit.access_log (at, actor_id, actor_role, action, resident_id, event_id)
SELECT r.at, r.actor_id, r.actor_role, r.action, r.resident_id, r.event_id
FROM jsonb_to_recordset($1::jsonb) AS r(at timestamptz, actor_id text, actor_role text, action text, resident_id uuid, event_id uuid)
ON CONFLICT (event_id, resident_id) DO NOTHING`;

/**
 * The residents service's records of personal data shown (PersonalDataRead) in the access log:
 * one row per resident, action `personal-data:<fields>`, at the time it was recorded.
 */
export const personalDataReadsProjection: Projection<PoolClient> = {
  name: 'personal-data-reads',
  eventTypes: ['PersonalDataRead'],
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const rows = events.flatMap((event) => {
      const data = event.data as { residentIds: string[]; fields: string[] };
      return data.residentIds.map((residentId) => ({
        at: event.recordedAt.toISOString(),
        actor_id: event.metadata.actor.id,
        actor_role: event.metadata.actor.role,
        action: `personal-data:${data.fields.join('+')}`,
        resident_id: residentId,
        event_id: event.id,
      }));
    });
    if (rows.length > 0) await tx.query(INSERT, [JSON.stringify(rows)]);
  },
  async reset(tx: PoolClient): Promise<void> {
    await tx.query('DELETE FROM audit.access_log WHERE event_id IS NOT NULL');
  },
};
