// Runs the community-count projection in its own process so a test can SIGKILL it
// in the middle of a batch. Prints "applying <event id>" before each event.
import { PostgresEventStore } from '@gridcare/event-store';
import { Pool } from 'pg';
import { PgProjectionDatabase } from '../pg-projection-database';
import { ProjectionRunner } from '../projection-runner';
import { communityCountProjection } from './community-count-projection';

const url = process.env.CRASH_DATABASE_URL as string;
const schema = process.env.CRASH_SCHEMA as string;
const pool = new Pool({ connectionString: url });
const store = new PostgresEventStore({ connectionString: url });
const projection = communityCountProjection(async (event) => {
  process.stdout.write(`applying ${event.id}\n`);
  await new Promise((resolve) => setTimeout(resolve, 5));
});
new ProjectionRunner(store, new PgProjectionDatabase(pool, schema), projection, { batchSize: 20 }).start();
process.stdout.write('started\n');
