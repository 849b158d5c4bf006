import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { CommandBus, CommandHandler, CqrsModule, ICommandHandler } from '@nestjs/cqrs';
import { Test, TestingModule } from '@nestjs/testing';
import { z } from 'zod';
import { Decider, DomainError } from '@gridcare/decider';
import { defineEventContract, EventContractRegistry, EventContractViolation } from '@gridcare/event-contracts';
import { EventStore, WrongExpectedVersion } from '@gridcare/event-store';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { AggregateStore } from './aggregate-store';
import { CommandContext } from './command-context';
import { EventSourcingModule } from './event-sourcing.module';
import { EVENT_STORE } from './tokens';

const KitHandedOut = defineEventContract({
  type: 'HealthKitHandedOut',
  version: 1,
  schema: z.object({ residentId: z.string().min(1), kits: z.number().int().positive(), total: z.number().int() }),
});

type KitCommand = { residentId: string; kits: number };
type KitEvent = { type: 'HealthKitHandedOut'; data: { residentId: string; kits: number; total: number } };
const kits: Decider<KitCommand, { total: number }, KitEvent> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: event.data.total }),
  decide: (command, state) => {
    if (state.total + command.kits > 3) throw new DomainError('KIT_LIMIT', 'at most 3 kits per resident');
    return [{ type: 'HealthKitHandedOut', data: { residentId: command.residentId, kits: command.kits, total: state.total + command.kits } }];
  },
};

class HandOutKit {
  constructor(
    readonly residentId: string,
    readonly kits: number,
    readonly context: CommandContext,
    readonly retries = 0,
  ) {}
}

@Injectable()
@CommandHandler(HandOutKit)
class HandOutKitHandler implements ICommandHandler<HandOutKit> {
  constructor(private readonly aggregates: AggregateStore) {}
  execute(command: HandOutKit) {
    return this.aggregates.execute(`kits-${command.residentId}`, kits, { residentId: command.residentId, kits: command.kits }, command.context, {
      retries: command.retries,
    });
  }
}

const worker: CommandContext = { actor: { id: 'chen-yawen', role: 'community_worker' } };

describe('EventSourcingModule with @nestjs/cqrs', () => {
  let database: TestDatabase;
  let app: TestingModule;
  let commands: CommandBus;
  let store: EventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    @Module({
      imports: [
        CqrsModule.forRoot(),
        EventSourcingModule.forRoot({ contracts: new EventContractRegistry().register(KitHandedOut), eventStore: { databaseUrl: database.url } }),
      ],
      providers: [HandOutKitHandler],
    })
    class KitsModule {}
    app = await Test.createTestingModule({ imports: [KitsModule] }).compile();
    await app.init();
    commands = app.get(CommandBus);
    store = app.get(EVENT_STORE);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('handles a command: loads the stream, decides, appends with the actor as metadata', async () => {
    const residentId = randomUUID();
    const result = await commands.execute(new HandOutKit(residentId, 2, { ...worker, correlationId: 'request-1' }));
    expect(result.state).toEqual({ total: 2 });
    expect(result.appended).toEqual([{ id: expect.any(String), type: 'HealthKitHandedOut' }]);
    const [event] = await store.readStream(`kits-${residentId}`);
    expect(event.id).toBe(result.appended[0].id);
    expect(event.position).toEqual(result.position);
    expect(event).toMatchObject({ type: 'HealthKitHandedOut', schemaVersion: 1, data: { residentId, kits: 2, total: 2 } });
    expect(event.metadata).toMatchObject({ correlationId: 'request-1', causationId: null, actor: worker.actor });
  });

  it('reports a domain refusal and writes nothing', async () => {
    const residentId = randomUUID();
    await commands.execute(new HandOutKit(residentId, 3, worker));
    await expect(commands.execute(new HandOutKit(residentId, 1, worker))).rejects.toMatchObject({ code: 'KIT_LIMIT' });
    expect(await store.readStream(`kits-${residentId}`)).toHaveLength(1);
  });

  it('refuses an event that breaks its contract, naming the field, and writes nothing', async () => {
    const residentId = '';
    await expect(commands.execute(new HandOutKit(residentId, 1, worker))).rejects.toBeInstanceOf(EventContractViolation);
    await expect(commands.execute(new HandOutKit(residentId, 1, worker))).rejects.toThrow(/residentId/);
    expect(await store.readStream('kits-')).toEqual([]);
  });

  /** Lets a colleague's write land between the handler's read and its append. */
  function colleagueWritesFirst(residentId: string) {
    const append = store.appendToStream.bind(store);
    return jest.spyOn(store, 'appendToStream').mockImplementationOnce(async (streamId, events, options) => {
      const colleague = { ...events[0], id: randomUUID(), data: { residentId, kits: 1, total: 1 }, metadata: { ...events[0].metadata, actor: { id: 'li-na', role: 'community_worker' } } };
      await append(streamId, [colleague], { expectedRevision: 'no_stream' });
      return append(streamId, events, options);
    });
  }

  it('reports a concurrent write as a conflict when no retry is allowed, and keeps the other write', async () => {
    const residentId = randomUUID();
    const spy = colleagueWritesFirst(residentId);
    const error = await commands.execute(new HandOutKit(residentId, 2, worker)).catch((e) => e);
    spy.mockRestore();
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ expected: 'no_stream', actual: 0 });
    const events = await store.readStream(`kits-${residentId}`);
    expect(events.map((e) => [e.metadata.actor.id, (e.data as { total: number }).total])).toEqual([['li-na', 1]]);
  });

  it('re-decides on the state the other write left when a retry is allowed', async () => {
    const residentId = randomUUID();
    const spy = colleagueWritesFirst(residentId);
    const result = await commands.execute(new HandOutKit(residentId, 2, worker, 1));
    spy.mockRestore();
    expect(result.state).toEqual({ total: 3 });
    const events = await store.readStream(`kits-${residentId}`);
    expect(events.map((e) => [e.metadata.actor.id, (e.data as { total: number }).total])).toEqual([
      ['li-na', 1],
      ['chen-yawen', 3],
    ]);
  });

  it('re-decides on the new state when retries are allowed: no update is lost, the rule still holds', async () => {
    const residentId = randomUUID();
    const outcomes = await Promise.allSettled([1, 1, 1, 1].map((n) => commands.execute(new HandOutKit(residentId, n, worker, 5))));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['KIT_LIMIT']);
    const events = await store.readStream(`kits-${residentId}`);
    expect(events.map((e) => (e.data as { total: number }).total)).toEqual([1, 2, 3]);
  });

  it('creates many streams at once: refusals and existing streams do not hold the others back', async () => {
    const [fresh, existing, refused] = [randomUUID(), randomUUID(), randomUUID()];
    await commands.execute(new HandOutKit(existing, 1, worker));
    const aggregates = app.get(AggregateStore);
    const outcomes = await aggregates.createMany(
      kits,
      [
        { streamId: `kits-${fresh}`, command: { residentId: fresh, kits: 2 } },
        { streamId: `kits-${existing}`, command: { residentId: existing, kits: 2 } },
        { streamId: `kits-${refused}`, command: { residentId: refused, kits: 5 } },
      ],
      { ...worker, correlationId: 'census-1' },
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'exists', 'rejected']);
    expect(outcomes[1]).toMatchObject({ error: { expected: 'no_stream', actual: 0 } });
    expect(outcomes[2]).toMatchObject({ error: { code: 'KIT_LIMIT' } });
    const [event] = await store.readStream(`kits-${fresh}`);
    expect(outcomes[0]).toEqual({ status: 'created', appended: [{ id: event.id, type: 'HealthKitHandedOut' }], position: event.position });
    expect(event).toMatchObject({ schemaVersion: 1, data: { residentId: fresh, kits: 2, total: 2 }, metadata: { correlationId: 'census-1', actor: worker.actor } });
    expect((await store.readStream(`kits-${existing}`)).map((e) => (e.data as { total: number }).total)).toEqual([1]);
    expect(await store.readStream(`kits-${refused}`)).toEqual([]);
  });

  it('creates many streams at once, each command with its own context where it brings one', async () => {
    const [own, shared] = [randomUUID(), randomUUID()];
    const aggregates = app.get(AggregateStore);
    const cause = randomUUID();
    await aggregates.createMany(
      kits,
      [
        { streamId: `kits-${own}`, command: { residentId: own, kits: 1 }, context: { actor: { id: 'policy', role: 'system' }, causationId: cause, correlationId: 'trigger-1' } },
        { streamId: `kits-${shared}`, command: { residentId: shared, kits: 1 } },
      ],
      { ...worker, correlationId: 'census-2' },
    );
    expect((await store.readStream(`kits-${own}`))[0].metadata).toEqual({ actor: { id: 'policy', role: 'system' }, causationId: cause, correlationId: 'trigger-1' });
    expect((await store.readStream(`kits-${shared}`))[0].metadata).toEqual({ actor: worker.actor, causationId: null, correlationId: 'census-2' });
  });

  it('refuses a bulk creation with an event that breaks its contract, writing nothing', async () => {
    const fresh = randomUUID();
    const aggregates = app.get(AggregateStore);
    await expect(
      aggregates.createMany(
        kits,
        [
          { streamId: `kits-${fresh}`, command: { residentId: fresh, kits: 1 } },
          { streamId: 'kits-', command: { residentId: '', kits: 1 } },
        ],
        worker,
      ),
    ).rejects.toBeInstanceOf(EventContractViolation);
    expect(await store.readStream(`kits-${fresh}`)).toEqual([]);
  });
});
