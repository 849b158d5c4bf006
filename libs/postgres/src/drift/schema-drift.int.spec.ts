import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { discoverMigrationSets } from '../migrations/migration-set';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { findWorkspaceRoot } from '../workspace-root';
import { findSchemaDrift } from './schema-drift';

/**
 * Every project that owns a PostgreSQL schema keeps its Prisma schema and its SQL
 * migrations in step: this fails when they drift apart.
 */
describe('Prisma schemas against the migrated database', () => {
  let database: TestDatabase;
  const root = findWorkspaceRoot();
  const sets = discoverMigrationSets(root);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('finds every project with migrations', () => {
    expect(sets.map((set) => set.dbSchema)).toContain('event_store');
  });

  it.each(sets.map((set) => [set.project, set] as const))('%s: the Prisma schema matches the migrated tables', async (_project, set) => {
    const drift = await findSchemaDrift({ prismaSchemaPath: join(root, set.project, 'prisma', 'schema.prisma'), databaseUrl: database.url, dbSchema: set.dbSchema });
    expect(drift).toEqual([]);
  });

  describe('detects drift', () => {
    const eventStoreSchema = join(root, 'libs', 'event-store', 'prisma', 'schema.prisma');

    it('in the Prisma schema: a field removed, a type changed, an index added', async () => {
      const edited = readFileSync(eventStoreSchema, 'utf8')
        .replace(/\n\s*metadata\s+Json\n/, '\n')
        .replace('schemaVersion  Int', 'schemaVersion  String')
        .replace('@@map("events")', '@@index([eventType], map: "events_type_idx")\n  @@map("events")');
      const path = join(mkdtempSync(join(tmpdir(), 'drift-')), 'schema.prisma');
      writeFileSync(path, edited);
      const drift = await findSchemaDrift({ prismaSchemaPath: path, databaseUrl: database.url, dbSchema: 'event_store' });
      expect(drift).toEqual(
        expect.arrayContaining([
          'column events.metadata is in the database but not in the Prisma schema',
          'column events.schema_version is integer in the database, text in the Prisma schema',
          'index events_type_idx on events is in the Prisma schema but not in the database',
        ]),
      );
    });

    it('in the database: a column made nullable, a table added', async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query('ALTER TABLE event_store.events ALTER COLUMN data DROP NOT NULL');
        await client.query('CREATE TABLE event_store.stray (id int)');
        const drift = await findSchemaDrift({ prismaSchemaPath: eventStoreSchema, databaseUrl: database.url, dbSchema: 'event_store' });
        expect(drift).toEqual([
          'column events.data is nullable in the database, not in the Prisma schema',
          'table stray is in the database but not in the Prisma schema',
        ]);
      } finally {
        await client.query('ALTER TABLE event_store.events ALTER COLUMN data SET NOT NULL');
        await client.query('DROP TABLE event_store.stray');
        await client.end();
      }
    });
  });
});
