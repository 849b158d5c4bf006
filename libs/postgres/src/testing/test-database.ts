import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { forPg, quoteIdent, withDatabase } from '../connection/database-url';
import { applyAllMigrations } from '../migrations/apply-migrations';
import { discoverMigrationSets, MigrationSet, readMigrations } from '../migrations/migration-set';
import { findWorkspaceRoot } from '../workspace-root';

export interface TestDatabase {
  /** URL of a database that belongs to this test file alone. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Apply every project's migrations (default) or start from an empty database. */
  migrated?: boolean;
}

const TEMPLATE_LOCK = 4_207_001;

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through jest (its global setup starts PostgreSQL)');
  return forPg(url);
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function templateName(sets: MigrationSet[]): string {
  const hash = createHash('sha256');
  for (const set of sets) {
    hash.update(set.dbSchema);
    for (const migration of readMigrations(set.migrationsDir)) hash.update(migration.name).update(migration.sql);
  }
  return `gridcare_template_${hash.digest('hex').slice(0, 16)}`;
}

/** Builds (once per server and migration content) a template database with every migration applied. */
async function ensureTemplate(admin: Client, url: string): Promise<string> {
  const sets = discoverMigrationSets(findWorkspaceRoot());
  const name = templateName(sets);
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const building = `${name}_building_${randomBytes(3).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${quoteIdent(building)}`);
      await applyAllMigrations(withDatabase(url, building), sets);
      await admin.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
  return name;
}

/**
 * A fresh database for one test file, cloned from a migrated template, so test files
 * never see each other's rows and the suite stays fast as it grows.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const url = serverUrl();
  const name = `gridcare_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withClient(url, async (admin) => {
    if (options.migrated === false) {
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } else {
      const template = await ensureTemplate(admin, url);
      await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
    }
  });
  return {
    url: withDatabase(url, name),
    name,
    drop: () => withClient(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(() => undefined),
  };
}
