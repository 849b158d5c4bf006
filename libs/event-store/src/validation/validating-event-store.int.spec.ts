import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEventContract, EventContractRegistry, EventContractViolation } from '@gridcare/event-contracts';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { EventToAppend } from '../port/event-envelope';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { collectUntil, readAllEventually } from '../testing';
import { ValidatingEventStore } from './validating-event-store';

// A small two-version contract: v2 nests the community under `jurisdiction`.
const CaseOpenedV1 = defineEventContract({
  type: 'CaseOpened',
  version: 1,
  schema: z.object({ residentId: z.string().min(1), communityId: z.string().min(1) }),
});
const CaseOpened = defineEventContract({
  type: 'CaseOpened',
  version: 2,
  schema: z.object({ residentId: z.string().min(1), jurisdiction: z.object({ communityId: z.string().min(1) }) }),
  upcastFrom: { contract: CaseOpenedV1, upcast: ({ residentId, communityId }) => ({ residentId, jurisdiction: { communityId } }) },
});

function withMetadata(event: { type: string; schemaVersion: number; data: unknown }): EventToAppend {
  return { ...event, metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'worker-1', role: 'community_worker' } } };
}

describe('ValidatingEventStore on PostgreSQL', () => {
  let database: TestDatabase;
  let raw: PostgresEventStore;
  let store: ValidatingEventStore;
  let stream: (name: string) => string;

  beforeAll(async () => {
    database = await createTestDatabase();
    raw = new PostgresEventStore({ connectionString: database.url });
    // The registry is the validator as it is: EventValidator is satisfied structurally.
    store = new ValidatingEventStore(raw, new EventContractRegistry().register(CaseOpened));
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });
  beforeEach(() => {
    const prefix = `t${randomUUID().slice(0, 8)}-`;
    stream = (name) => `${prefix}${name}`;
  });

  const validV2 = () => withMetadata(CaseOpened.create({ residentId: 'r-1', jurisdiction: { communityId: 'c-7' } }));

  it('writes a valid current-version event', async () => {
    await store.appendToStream(stream('case-1'), [validV2()], { expectedRevision: 'no_stream' });
    const [event] = await raw.readStream(stream('case-1'));
    expect(event).toMatchObject({ type: 'CaseOpened', schemaVersion: 2, data: { residentId: 'r-1', jurisdiction: { communityId: 'c-7' } } });
  });

  it('refuses an invalid event naming the field, and writes nothing of the append', async () => {
    const bad = withMetadata({ type: 'CaseOpened', schemaVersion: 2, data: { residentId: 'r-2', jurisdiction: {} } });
    const error = await store.appendToStream(stream('case-2'), [validV2(), bad], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventContractViolation);
    expect(error).toMatchObject({ code: 'EVENT_CONTRACT_VIOLATION', type: 'CaseOpened', schemaVersion: 2, issues: [{ path: 'jurisdiction.communityId' }] });
    expect((error as Error).message).toContain('jurisdiction.communityId');
    expect(await raw.readStream(stream('case-2'))).toEqual([]);
  });

  it('refuses appending an old version, and unknown types', async () => {
    const v1 = withMetadata({ type: 'CaseOpened', schemaVersion: 1, data: { residentId: 'r-3', communityId: 'c-7' } });
    await expect(store.appendToStream(stream('case-3'), [v1], { expectedRevision: 'any' })).rejects.toMatchObject({ reason: 'not_current_version' });
    const unknown = withMetadata({ type: 'CaseTeleported', schemaVersion: 1, data: {} });
    await expect(store.appendToStream(stream('case-3'), [unknown], { expectedRevision: 'any' })).rejects.toMatchObject({ reason: 'unknown_type' });
    expect(await raw.readStream(stream('case-3'))).toEqual([]);
  });

  it('reads an event stored as v1 back as v2, in streams and in the global log', async () => {
    const v1 = withMetadata({ type: 'CaseOpened', schemaVersion: 1, data: { residentId: 'r-4', communityId: 'c-9' } });
    await raw.appendToStream(stream('case-4'), [v1], { expectedRevision: 'no_stream' });
    const upcast = { type: 'CaseOpened', schemaVersion: 2, data: { residentId: 'r-4', jurisdiction: { communityId: 'c-9' } } };

    const [fromStream] = await store.readStream(stream('case-4'));
    expect(fromStream).toMatchObject({ ...upcast, streamId: stream('case-4'), revision: 0 });
    expect(fromStream.metadata.actor).toEqual({ id: 'worker-1', role: 'community_worker' });

    const page = await readAllEventually(store, { filter: { streamPrefixes: [stream('')] } }, 1);
    expect(page.events).toEqual([expect.objectContaining(upcast)]);
  });

  it('passes other services\' event types through untouched', async () => {
    const foreign = withMetadata({ type: 'VaccineDoseGiven', schemaVersion: 4, data: { dose: 2 } });
    await raw.appendToStream(stream('dose-1'), [foreign], { expectedRevision: 'no_stream' });
    const [event] = await store.readStream(stream('dose-1'));
    expect(event).toMatchObject({ type: 'VaccineDoseGiven', schemaVersion: 4, data: { dose: 2 } });
  });

  it('refuses to read a stored event that fails its schema, naming the field', async () => {
    const corrupt = withMetadata({ type: 'CaseOpened', schemaVersion: 1, data: { residentId: 'r-5' } });
    await raw.appendToStream(stream('case-5'), [corrupt], { expectedRevision: 'no_stream' });
    await expect(store.readStream(stream('case-5'))).rejects.toMatchObject({
      code: 'EVENT_CONTRACT_VIOLATION',
      schemaVersion: 1,
      issues: [{ path: 'communityId' }],
    });
  });

  it('upcasts the events of subscription batches', async () => {
    const v1 = withMetadata({ type: 'CaseOpened', schemaVersion: 1, data: { residentId: 'r-6', communityId: 'c-1' } });
    await raw.appendToStream(stream('case-6'), [v1], { expectedRevision: 'no_stream' });
    const controller = new AbortController();
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream('')] }, signal: controller.signal, batchSize: 1 });
    const collecting = collectUntil(subscription, controller, (events) => events.length >= 2);
    // Appended after subscribing: delivered from the catch-up read or live, upcast either way.
    await raw.appendToStream(stream('case-7'), [withMetadata({ ...v1, data: { residentId: 'r-7', communityId: 'c-2' } })], { expectedRevision: 'no_stream' });

    const events = await collecting;
    expect(events.map((event) => [event.schemaVersion, event.data])).toEqual([
      [2, { residentId: 'r-6', jurisdiction: { communityId: 'c-1' } }],
      [2, { residentId: 'r-7', jurisdiction: { communityId: 'c-2' } }],
    ]);
  });
});
