import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { forPg, quoteIdent } from '../connection/database-url';
import { MigrationSet, readMigrations } from './migration-set';

/** The advisory lock key `prisma migrate deploy` takes, so the two never run at once. */
const PRISMA_MIGRATE_LOCK = 72707369;

/** The table exactly as Prisma's migration engine creates it on PostgreSQL. */
const CREATE_PRISMA_MIGRATIONS = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName: string,
    readonly dbSchema: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface AppliedMigrations {
  dbSchema: string;
  applied: string[];
  alreadyApplied: string[];
}

/** Prisma's checksum: the SHA-256 of the script, in lower-case hex. */
export function prismaChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies a project's pending migrations to its own schema and records them in that
 * schema's `_prisma_migrations` the way `prisma migrate deploy` does (a row before the
 * script runs, `finished_at` and `applied_steps_count` after), so the two are
 * interchangeable. Each script runs in a transaction; a failure is recorded in `logs`
 * and blocks later runs until resolved, as with Prisma.
 */
export async function applyMigrations(databaseUrl: string, set: MigrationSet): Promise<AppliedMigrations> {
  const client = new Client({ connectionString: forPg(databaseUrl) });
  await client.connect();
  const result: AppliedMigrations = { dbSchema: set.dbSchema, applied: [], alreadyApplied: [] };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(set.dbSchema)}`);
    await client.query(`SET search_path TO ${quoteIdent(set.dbSchema)}`);
    await client.query(CREATE_PRISMA_MIGRATIONS);
    const { rows } = await client.query<MigrationRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    for (const migration of readMigrations(set.migrationsDir)) {
      const checksum = prismaChecksum(migration.sql);
      const row = recorded.get(migration.name);
      if (row && !row.finished_at) {
        throw new MigrationError(
          `migration ${migration.name} in schema ${set.dbSchema} failed earlier; resolve it (prisma migrate resolve) before applying more`,
          migration.name,
          set.dbSchema,
        );
      }
      if (row) {
        if (row.checksum !== checksum) {
          throw new MigrationError(
            `migration ${migration.name} in schema ${set.dbSchema} was modified after it was applied`,
            migration.name,
            set.dbSchema,
          );
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(client, set.dbSchema, migration.name, migration.sql, checksum);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function applyOne(client: Client, dbSchema: string, name: string, sql: string, checksum: string): Promise<void> {
  const id = randomUUID();
  await client.query(
    'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
    [id, checksum, name],
  );
  try {
    await client.query('BEGIN');
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    await client.query(`SET search_path TO ${quoteIdent(dbSchema)}`);
    await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, String(error)]);
    throw new MigrationError(`migration ${name} in schema ${dbSchema} failed: ${String(error)}`, name, dbSchema);
  }
  // A script may change search_path; record the row in the schema it belongs to.
  await client.query(`SET search_path TO ${quoteIdent(dbSchema)}`);
  await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
}

/** Applies every migration set in order (event store first). */
export async function applyAllMigrations(databaseUrl: string, sets: MigrationSet[]): Promise<AppliedMigrations[]> {
  const results: AppliedMigrations[] = [];
  for (const set of sets) results.push(await applyMigrations(databaseUrl, set));
  return results;
}
