import { RecordedEvent } from '@gridcare/event-store';

/**
 * A read model fed from the global log. `apply` and `reset` run inside the transaction the
 * runner opens, the same one that saves the checkpoint, so the read model and its
 * checkpoint always move together.
 */
export interface Projection<Tx> {
  /** Unique within the service; the checkpoint's key. */
  readonly name: string;
  /** The event types this read model reacts to (the subscription's filter). */
  readonly eventTypes: readonly string[];
  /** Applies a batch of events, in log order. */
  apply(events: readonly RecordedEvent[], tx: Tx): Promise<void>;
  /** Empties the read model before a rebuild from the start of the log. */
  reset(tx: Tx): Promise<void>;
}
