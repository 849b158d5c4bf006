import { describeExpected, ExpectedRevision } from './expected-revision';

/** Base class of every error the event store raises on purpose. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/**
 * The stream was not where the writer expected it. Nothing was written. `actual` is the
 * revision of the stream's last event, or `null` when the stream does not exist.
 */
export class WrongExpectedVersion extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | null,
  ) {
    super(
      `stream ${streamId}: expected ${describeExpected(expected)}, but ${
        actual === null ? 'the stream does not exist' : `it is at revision ${actual}`
      }`,
    );
    this.name = 'WrongExpectedVersion';
  }
}

/**
 * Some, not all, of the event ids of an append are already in the stream: it is neither
 * a retry of an earlier append (which would be a no-op) nor a new one. Nothing was written.
 */
export class EventIdConflict extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(`stream ${streamId}: events ${eventIds.join(', ')} are already recorded, the rest of the append is not`);
    this.name = 'EventIdConflict';
  }
}

/** An append or read that the store refuses before touching storage. */
export class InvalidAppend extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
  }
}
