import { Inject, Injectable } from '@nestjs/common';
import { Decider, DomainEvent, fold } from '@gridcare/decider';
import { randomUUID } from 'node:crypto';
import { EventStore, ExpectedRevision, GlobalPosition, WrongExpectedVersion } from '@gridcare/event-store';
import { CommandContext, metadataFor } from './command-context';
import { EVENT_CONTRACTS, EVENT_STORE } from './tokens';

/** Knows the current schema version of each event type (the contract registry does). */
export interface SchemaVersions {
  currentVersion(type: string): number | undefined;
}

export interface ExecuteOptions {
  /**
   * On a concurrent write, load again and re-decide up to this many times. The decision
   * is re-made on the new state, so nothing is overwritten; 0 reports the conflict.
   */
  retries?: number;
  /**
   * The command creates the stream (a registration): decide on the initial state without
   * reading, and let the append's `no_stream` check refuse it when the stream exists.
   */
  createsStream?: boolean;
}

export interface ExecuteResult<State> {
  /** The events this command appended (none when the decider decided nothing). */
  readonly appended: { readonly id: string; readonly type: string }[];
  /** Global position of the last event appended: wait for read models with it. */
  readonly position: GlobalPosition | null;
  readonly state: State;
  readonly nextExpectedRevision: number;
}

/**
 * The command side: load a stream, fold it with the decider, decide, append with the
 * revision that was read. Handlers stay thin: they call `execute` with a pure decider.
 */
@Injectable()
export class AggregateStore {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CONTRACTS) private readonly versions: SchemaVersions,
  ) {}

  async load<C, S, E extends DomainEvent>(streamId: string, decider: Decider<C, S, E>): Promise<{ state: S; revision: ExpectedRevision }> {
    const recorded = await this.store.readStream(streamId);
    const state = fold(decider, recorded as unknown as E[]);
    return { state, revision: recorded.length ? recorded[recorded.length - 1].revision : 'no_stream' };
  }

  async execute<C, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    command: C,
    context: CommandContext,
    options: ExecuteOptions = {},
  ): Promise<ExecuteResult<S>> {
    const metadata = metadataFor(context);
    for (let attempt = 0; ; attempt++) {
      const { state, revision } =
        options.createsStream && attempt === 0 ? { state: decider.initialState(), revision: 'no_stream' as ExpectedRevision } : await this.load(streamId, decider);
      const decided = decider.decide(command, state);
      if (decided.length === 0) return { appended: [], position: null, state, nextExpectedRevision: typeof revision === 'number' ? revision : -1 };
      const appended = decided.map((event) => ({ id: randomUUID(), type: event.type }));
      try {
        const result = await this.store.appendToStream(
          streamId,
          decided.map((event, index) => ({
            id: appended[index].id,
            type: event.type,
            schemaVersion: (event as { schemaVersion?: number }).schemaVersion ?? this.versions.currentVersion(event.type) ?? 1,
            data: event.data,
            metadata,
          })),
          { expectedRevision: revision },
        );
        return { appended, position: result.position, state: decided.reduce(decider.evolve, state), nextExpectedRevision: result.nextExpectedRevision };
      } catch (error) {
        if (error instanceof WrongExpectedVersion && attempt < (options.retries ?? 0)) continue;
        throw error;
      }
    }
  }
}
