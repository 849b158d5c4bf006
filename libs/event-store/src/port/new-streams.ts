import { EventToAppend } from './event-envelope';
import { EventIdConflict, InvalidAppend, WrongExpectedVersion } from './errors';
import { AppendResult } from './event-store';

/** A stream to create with its first events (a registration and its first decision, say). */
export interface NewStream {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
}

/**
 * What became of one stream of a bulk creation: created, or refused because it already
 * exists, exactly as `appendToStream(streamId, events, { expectedRevision: 'no_stream' })`
 * would have answered (a retry of the same events is `appended`).
 */
export type NewStreamOutcome =
  | { readonly streamId: string; readonly status: 'appended'; readonly result: AppendResult }
  | { readonly streamId: string; readonly status: 'refused'; readonly error: WrongExpectedVersion | EventIdConflict };

/** Refuses a bulk creation that names one stream twice: its outcome would be ambiguous. */
export function checkDistinctStreams(streams: readonly NewStream[]): void {
  const seen = new Set<string>();
  for (const { streamId } of streams) {
    if (seen.has(streamId)) throw new InvalidAppend(`stream ${streamId} appears twice in one bulk creation`);
    seen.add(streamId);
  }
}

/**
 * Creates the streams one append each, a few at a time: what an adapter without a faster
 * way does, and the PostgreSQL adapter's fall-back when a bulk insert met a racing writer.
 */
export async function createStreamsOneByOne(
  append: (stream: NewStream) => Promise<AppendResult>,
  streams: readonly NewStream[],
  concurrency = 16,
): Promise<NewStreamOutcome[]> {
  const outcomes: NewStreamOutcome[] = new Array(streams.length);
  let next = 0;
  const worker = async () => {
    while (next < streams.length) {
      const index = next++;
      const { streamId } = streams[index];
      try {
        outcomes[index] = { streamId, status: 'appended', result: await append(streams[index]) };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion || error instanceof EventIdConflict)) throw error;
        outcomes[index] = { streamId, status: 'refused', error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, streams.length) }, worker));
  return outcomes;
}
