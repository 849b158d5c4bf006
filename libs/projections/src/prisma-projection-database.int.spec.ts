import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PostgresEventStore, RecordedEvent } from '@gridcare/event-store';
import { applyMigrations, createTestDatabase, findSchemaDrift, TestDatabase } from '@gridcare/postgres';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { PrismaProjectionDatabase } from './prisma-projection-database';
import { Prisma, PrismaClient } from './testing/prisma/generated/client';

const SCHEMA = 'projection_prisma_test';
const prismaDir = join(__dirname, 'testing', 'prisma');

type Tx = Prisma.TransactionClient;

/** Residents per community, written through Prisma's typed client inside the runner's transaction. */
const communityCounts: Projection<Tx> = {
  name: 'community-counts',
  eventTypes: ['ResidentRegistered'],
  async apply(events: readonly RecordedEvent[], tx: Tx) {
    for (const event of events) {
      const { community } = event.data as { community: string };
      await tx.communityCount.upsert({ where: { community }, create: { community, residents: 1 }, update: { residents: { increment: 1 } } });
    }
  },
};

const registration = (community: string) => ({
  type: 'ResidentRegistered',
  schemaVersion: 1,
  data: { community },
  metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'importer', role: 'administrator' } },
});

describe('PrismaProjectionDatabase: a read model through Prisma 7 and @prisma/adapter-pg', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    await applyMigrations(database.url, { project: 'projections-test', dbSchema: SCHEMA, migrationsDir: join(prismaDir, 'migrations'), order: 0 });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }, { schema: SCHEMA }) });
    store = new PostgresEventStore({ connectionString: database.url });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await store.close();
    await database.drop();
  });

  it('keeps the Prisma schema and its migration in step', async () => {
    expect(await findSchemaDrift({ prismaSchemaPath: join(prismaDir, 'schema.prisma'), databaseUrl: database.url, dbSchema: SCHEMA })).toEqual([]);
  });

  it('applies events and saves the checkpoint in one Prisma transaction', async () => {
    const projectionDatabase = new PrismaProjectionDatabase<Tx>(prisma, SCHEMA);
    const runner = new ProjectionRunner(store, projectionDatabase, communityCounts, { batchSize: 3 });
    for (const [i, community] of ['shijingshan', 'haidian', 'shijingshan', 'dongcheng', 'haidian', 'shijingshan'].entries()) {
      await store.appendToStream(`resident-${i}`, [registration(community)], { expectedRevision: 'no_stream' });
    }
    runner.start();
    await runner.waitUntilCaughtUp();
    const rows = await prisma.communityCount.findMany({ orderBy: { community: 'asc' } });
    expect(rows).toEqual([
      { community: 'dongcheng', residents: 1 },
      { community: 'haidian', residents: 2 },
      { community: 'shijingshan', residents: 3 },
    ]);
    const checkpoint = await prisma.projectionCheckpoint.findUniqueOrThrow({ where: { projection: 'community-counts' } });
    expect(checkpoint.preparePosition.toString()).toBe((await projectionDatabase.loadCheckpoint('community-counts'))?.prepare.toString());

    await runner.stop();
  });

  it('rolls the read model back with the checkpoint when a batch fails', async () => {
    const failing: Projection<Tx> = {
      ...communityCounts,
      name: 'failing-counts',
      async apply(events, tx) {
        await communityCounts.apply(events, tx);
        throw new Error('disk full');
      },
    };
    const projectionDatabase = new PrismaProjectionDatabase<Tx>(prisma, SCHEMA);
    const before = await prisma.communityCount.findMany({ orderBy: { community: 'asc' } });
    await expect(
      projectionDatabase.transaction(async (tx) => {
        await failing.apply([{ ...(await store.readStream('resident-0'))[0] }], tx);
        await projectionDatabase.saveCheckpoint(tx, 'failing-counts', { commit: 1n, prepare: 1n });
      }),
    ).rejects.toThrow('disk full');
    expect(await prisma.communityCount.findMany({ orderBy: { community: 'asc' } })).toEqual(before);
    expect(await projectionDatabase.loadCheckpoint('failing-counts')).toBeNull();
  });
});
