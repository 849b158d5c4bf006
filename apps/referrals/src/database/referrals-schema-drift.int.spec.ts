import { join } from 'node:path';
import { createTestDatabase, discoverMigrationSets, findSchemaDrift, findWorkspaceRoot, TestDatabase } from '@gridcare/postgres';

/** The referrals Prisma schema and its SQL migrations describe the same tables, columns and indexes. */
describe('referrals schema: Prisma against the migrated database', () => {
  let database: TestDatabase;
  const root = findWorkspaceRoot(__dirname);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('is a migration set of its own, in the schema "referrals"', () => {
    expect(discoverMigrationSets(root).find((set) => set.project === join('apps', 'referrals'))).toMatchObject({ dbSchema: 'referrals' });
  });

  it('has no drift', async () => {
    const drift = await findSchemaDrift({ prismaSchemaPath: join(root, 'apps', 'referrals', 'prisma', 'schema.prisma'), databaseUrl: database.url, dbSchema: 'referrals' });
    expect(drift).toEqual([]);
  });
});
