import { join } from 'node:path';
import { Client } from 'pg';
import { applyAllMigrations, discoverMigrationSets, quoteIdent, RunningPostgres, startEmbeddedPostgres, withDatabase } from '@gridcare/postgres';

export interface PlatformDatabase {
  /** URL of the platform's database, migrations applied. */
  url: string;
  embedded?: RunningPostgres;
  /** True when the database had no migrations before this start (a first start). */
  firstStart: boolean;
}

const DATABASE = 'gridcare';

/**
 * DATABASE_URL when set; otherwise embedded PostgreSQL with its data in `.data/postgres`,
 * kept between starts. Then every project's migrations.
 */
export async function openPlatformDatabase(root: string, log: (line: string) => void): Promise<PlatformDatabase> {
  let url = process.env.DATABASE_URL;
  let embedded: RunningPostgres | undefined;
  if (!url) {
    const port = process.env.GRIDCARE_PG_PORT ? Number(process.env.GRIDCARE_PG_PORT) : undefined;
    embedded = await startEmbeddedPostgres({ dataDir: join(root, '.data', 'postgres'), persistent: true, port });
    url = withDatabase(embedded.url, DATABASE);
    await createDatabaseIfMissing(embedded.url, DATABASE);
    log(`embedded PostgreSQL on port ${embedded.port} (data in .data/postgres)`);
  }
  const results = await applyAllMigrations(url, discoverMigrationSets(root));
  const firstStart = results.every((result) => result.alreadyApplied.length === 0);
  for (const result of results) {
    log(`migrations ${result.dbSchema}: ${result.applied.length} applied, ${result.alreadyApplied.length} already there`);
  }
  return { url, embedded, firstStart };
}

async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
}
