import { join } from 'node:path';
import { createTestDatabase, discoverMigrationSets, findSchemaDrift, findWorkspaceRoot, TestDatabase } from '@gridcare/postgres';

/** The audit Prisma schema and its SQL migrations describe the same tables, columns and indexes. */
describe('audit schema: Prisma against the migrated database', () => {
  let database: TestDatabase;
  const root = findWorkspaceRoot(__dirname);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('is a migration set of its own, in the schema "audit"', () => {
    expect(discoverMigrationSets(root).find((set) => set.project === join('apps', 'audit'))).toMatchObject({ dbSchema: 'audit' });
  });

  it('has no drift', async () => {
    const drift = await findSchemaDrift({ prismaSchemaPath: join(root, 'apps', 'audit', 'prisma', 'schema.prisma'), databaseUrl: database.url, dbSchema: 'audit' });
    expect(drift).toEqual([]);
  });
});
