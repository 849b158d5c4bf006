import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { eventStoreContract } from '../testing/event-store-contract';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgresEventStore: the event store contract', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  eventStoreContract(async () => ({ store, streamPrefix: `t${randomUUID().slice(0, 8)}-` }));
});
