import { RecordedEvent } from '@gridcare/event-store';
import { PoolClient } from 'pg';
import { Projection } from '../projection';

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

export function communityCountProjection(
  schema: string,
  beforeEach?: (event: RecordedEvent, index: number) => Promise<void>,
): Projection<PoolClient> {
  return {
    name: 'community-counts',
    eventTypes: ['ResidentRegistered'],
    async apply(events, tx) {
      for (const [index, event] of events.entries()) {
        await beforeEach?.(event, index);
        const { community } = event.data as { community: string };
        // applied_events has the event id as key: applying an event twice would fail loudly.
        await tx.query(`INSERT INTO "${schema}".applied_events (event_id, community) VALUES ($1, $2)`, [event.id, community]);
        await tx.query(
          `INSERT INTO "${schema}".community_counts (community, residents) VALUES ($1, 1)
           ON CONFLICT (community) DO UPDATE SET residents = community_counts.residents + 1`,
          [community],
        );
      }
    },
    async reset(tx) {
      await tx.query(`DELETE FROM "${schema}".applied_events`);
      await tx.query(`DELETE FROM "${schema}".community_counts`);
    },
  };
}
