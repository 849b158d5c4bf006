import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@gridcare/event-store';
import { ReadModel } from '../read-model';

/** A small read model used by the runner's tests: residents registered per community. */
export const TEST_SCHEMA_SQL = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS "${schema}";
CREATE TABLE IF NOT EXISTS "${schema}".projection_checkpoints (
  projection TEXT PRIMARY KEY,
  commit_position NUMERIC(20) NOT NULL,
  prepare_position NUMERIC(20) NOT NULL,
  updated_at TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS "${schema}".community_counts (community TEXT PRIMARY KEY, residents INT NOT NULL);
CREATE TABLE IF NOT EXISTS "${schema}".applied_events (event_id UUID PRIMARY KEY, community TEXT NOT NULL);
`;

/** Its SQL names its tables unqualified, as a service's read models do: the transaction's search path finds them. */
export function communityCountProjection(beforeEach?: (event: RecordedEvent, index: number) => Promise<void>): ReadModel {
  return {
    name: 'community-counts',
    tables: ['community_counts', 'applied_events'],
    eventTypes: ['ResidentRegistered'],
    async apply(events, tx) {
      for (const [index, event] of events.entries()) {
        await beforeEach?.(event, index);
        const { community } = event.data as { community: string };
        // applied_events has the event id as key: applying an event twice would fail loudly.
        await tx.query(`INSERT INTO applied_events (event_id, community) VALUES ($1, $2)`, [event.id, community]);
        await tx.query(
          `INSERT INTO community_counts (community, residents) VALUES ($1, 1)
           ON CONFLICT (community) DO UPDATE SET residents = community_counts.residents + 1`,
          [community],
        );
      }
    },
  };
}

/** A ResidentRegistered in `community`, as the runner's and the rebuild's specs append them. */
export function registration(community: string) {
  return {
    id: randomUUID(),
    type: 'ResidentRegistered',
    schemaVersion: 1,
    data: { community },
    metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'importer', role: 'administrator' } },
  };
}
