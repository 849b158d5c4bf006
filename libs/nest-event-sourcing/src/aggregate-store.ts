import { Inject, Injectable } from '@nestjs/common';
import { Decider, DomainError, DomainEvent, fold } from '@gridcare/decider';
import { randomUUID } from 'node:crypto';
import { EventIdConflict, EventStore, EventToAppend, ExpectedRevision, GlobalPosition, WrongExpectedVersion } from '@gridcare/event-store';
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

/** What became of one command of `createMany`. */
export type CreateOutcome =
  | { readonly status: 'created'; readonly appended: { readonly id: string; readonly type: string }[]; readonly position: GlobalPosition }
  /** The stream already exists (or a retry of these very events found them). */
  | { readonly status: 'exists'; readonly error: WrongExpectedVersion | EventIdConflict }
  /** The decider refused the command: nothing written for it. */
  | { readonly status: 'rejected'; readonly error: DomainError };

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
      const events = decided.map((event) => this.toAppend(event, metadata));
      const appended = events.map((event) => ({ id: event.id as string, type: event.type }));
      try {
        const result = await this.store.appendToStream(streamId, events, { expectedRevision: revision });
        return { appended, position: result.position, state: decided.reduce(decider.evolve, state), nextExpectedRevision: result.nextExpectedRevision };
      } catch (error) {
        if (error instanceof WrongExpectedVersion && attempt < (options.retries ?? 0)) continue;
        throw error;
      }
    }
  }

  /**
   * Creates many streams at once (a census import): each command is decided on the initial
   * state and its events create its stream, all in one bulk append where the store can. A
   * command the decider refuses, or whose stream exists, does not hold the others back.
   * Commands must name distinct streams. A command may bring its own context (its own
   * causation, say); the others take `context`.
   */
  async createMany<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    commands: readonly { readonly streamId: string; readonly command: C; readonly context?: CommandContext }[],
    context: CommandContext,
  ): Promise<CreateOutcome[]> {
    const shared = metadataFor(context);
    const outcomes: CreateOutcome[] = new Array(commands.length);
    const creations: { index: number; streamId: string; events: EventToAppend[] }[] = [];
    for (const [index, { streamId, command, context: own }] of commands.entries()) {
      const metadata = own ? metadataFor(own) : shared;
      let decided: E[];
      try {
        decided = decider.decide(command, decider.initialState());
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes[index] = { status: 'rejected', error };
        continue;
      }
      creations.push({ index, streamId, events: decided.map((event) => this.toAppend(event, metadata)) });
    }
    const results = creations.length ? await this.store.appendToNewStreams(creations) : [];
    results.forEach((result, position) => {
      const { index, events } = creations[position];
      outcomes[index] =
        result.status === 'appended'
          ? { status: 'created', appended: events.map((event) => ({ id: event.id as string, type: event.type })), position: result.result.position }
          : { status: 'exists', error: result.error };
    });
    return outcomes;
  }

  private toAppend(event: DomainEvent, metadata: EventToAppend['metadata']): EventToAppend {
    return {
      id: randomUUID(),
      type: event.type,
      schemaVersion: (event as { schemaVersion?: number }).schemaVersion ?? this.versions.currentVersion(event.type) ?? 1,
      data: event.data,
      metadata,
    };
  }
}
