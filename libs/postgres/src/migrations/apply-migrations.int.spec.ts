import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { applyMigrations, MigrationError, prismaChecksum } from './apply-migrations';
import { MigrationSet } from './migration-set';

function migrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('applyMigrations', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const set = (dbSchema: string, migrationsDir: string): MigrationSet => ({ project: 'test', dbSchema, migrationsDir, order: 0 });

  it('applies pending migrations in name order into the project schema and records them as Prisma does', async () => {
    const dir = migrationsFolder({
      '20260101000000_first': 'CREATE TABLE grids (id TEXT PRIMARY KEY);',
      '20260102000000_second': 'ALTER TABLE grids ADD COLUMN lead_hospital TEXT;',
    });
    const result = await applyMigrations(database.url, set('referrals_test', dir));
    expect(result.applied).toEqual(['20260101000000_first', '20260102000000_second']);
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count, logs, rolled_back_at FROM referrals_test._prisma_migrations ORDER BY started_at, migration_name',
    );
    expect(rows).toEqual([
      expect.objectContaining({ migration_name: '20260101000000_first', checksum: prismaChecksum('CREATE TABLE grids (id TEXT PRIMARY KEY);'), applied_steps_count: 1, logs: null, rolled_back_at: null }),
      expect.objectContaining({ migration_name: '20260102000000_second', applied_steps_count: 1 }),
    ]);
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
    expect(prismaChecksum('CREATE TABLE grids (id TEXT PRIMARY KEY);')).toMatch(/^[0-9a-f]{64}$/);
    await client.query("INSERT INTO referrals_test.grids VALUES ('grid-1', 'Xuanwu Hospital')");

    const again = await applyMigrations(database.url, set('referrals_test', dir));
    expect(again).toMatchObject({ applied: [], alreadyApplied: ['20260101000000_first', '20260102000000_second'] });
  });

  it('refuses to go on when an applied migration was edited', async () => {
    const dir = migrationsFolder({ '20260101000000_first': 'CREATE TABLE facilities (id TEXT);' });
    await applyMigrations(database.url, set('edited_test', dir));
    writeFileSync(join(dir, '20260101000000_first', 'migration.sql'), 'CREATE TABLE facilities (id TEXT, beds INT);');
    await expect(applyMigrations(database.url, set('edited_test', dir))).rejects.toThrow(/was modified after it was applied/);
  });

  it('records a failed migration with its error, rolls its changes back and blocks later runs', async () => {
    const dir = migrationsFolder({ '20260101000000_broken': 'CREATE TABLE doses (id TEXT); SELECT no_such_function();' });
    const error = await applyMigrations(database.url, set('broken_test', dir)).catch((e) => e);
    expect(error).toBeInstanceOf(MigrationError);
    const { rows } = await client.query('SELECT finished_at, logs FROM broken_test._prisma_migrations');
    expect(rows).toEqual([{ finished_at: null, logs: expect.stringContaining('no_such_function') }]);
    expect((await client.query("SELECT to_regclass('broken_test.doses') AS t")).rows[0].t).toBeNull();
    await expect(applyMigrations(database.url, set('broken_test', dir))).rejects.toThrow(/failed earlier/);
  });
});
