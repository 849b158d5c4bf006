import { RecordedEvent } from '@gridcare/event-store';

/**
 * What the runner feeds from the global log: a read model, or a policy. `apply` runs inside the
 * transaction the runner opens, the same one that saves the checkpoint, so the read model and
 * its checkpoint always move together.
 */
export interface Projection<Tx> {
  /** Unique within the service; the checkpoint's key. */
  readonly name: string;
  /** The event types this read model reacts to (the subscription's filter). */
  readonly eventTypes: readonly string[];
  /** Applies a batch of events, in log order. */
  apply(events: readonly RecordedEvent[], tx: Tx): Promise<void>;
}
