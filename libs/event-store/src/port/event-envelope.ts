import { GlobalPosition } from './global-position';

/** Who did it: the user (or system component) and the role they acted in. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

/**
 * Metadata carried by every event. `correlationId` ties together everything one request
 * caused; `causationId` names the event (or command) that directly caused this one.
 */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly [extra: string]: unknown;
}

/** An event as a writer hands it to the store. */
export interface EventToAppend<Type extends string = string, Data = unknown> {
  /** UUID; also the idempotency key. Generated when missing. */
  readonly id?: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as the store hands it back. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly streamId: string;
  /** 0-based position in its stream. */
  readonly revision: number;
  readonly position: GlobalPosition;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** When the store recorded it (the database's clock). */
  readonly recordedAt: Date;
  /**
   * The stream's hash chain at this event (hex SHA-256 over the previous event's hash and this
   * event's content; see docs/adr/0010-event-hash-chains.md). Absent for events written before
   * the chain existed.
   */
  readonly hash?: string;
}
