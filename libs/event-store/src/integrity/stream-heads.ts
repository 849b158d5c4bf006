/** A stream's last revision and chain hash as the store recorded them when it appended. */
export interface StreamHead {
  readonly streamId: string;
  readonly revision: number;
  /** Null for a stream whose last event was written before the chain existed. */
  readonly hash: string | null;
}

/**
 * An adapter that keeps stream heads apart from the events (PostgreSQL's `stream_heads`). The
 * verifier compares them with each stream's last event: only so can it see that a stream's last
 * events, or the whole stream, were deleted.
 */
export interface StreamHeadSource {
  /** Every stream's head, in pages. */
  readStreamHeads(pageSize?: number): AsyncIterable<StreamHead[]>;
  readStreamHead(streamId: string): Promise<StreamHead | null>;
}

export function hasStreamHeads(store: object): store is StreamHeadSource {
  return typeof (store as Partial<StreamHeadSource>).readStreamHeads === 'function';
}
