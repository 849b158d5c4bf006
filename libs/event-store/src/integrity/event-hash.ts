import { createHash } from 'node:crypto';
import { canonicalJson } from '@gridcare/rule-language';

/**
 * The hash chain of a stream (docs/adr/0010-event-hash-chains.md). Every event gets
 *
 *   contentHash = sha256(canonicalJson({ streamId, eventId, type, schemaVersion, data, metadata }))
 *   hash        = sha256(previous hash + contentHash)      (both as lowercase hex, hashed as UTF-8)
 *
 * and the first event of a stream chains from GENESIS_HASH. The revision is not in the content:
 * under `any` the PostgreSQL adapter learns it inside its one statement, after Node has hashed the
 * content; the chain fixes each event's place instead (the hash at revision r covers the r events
 * before it, in order). The global position and the recorded time are the store's, not the event's.
 * The PostgreSQL append statement computes the same chain step in SQL:
 * `encode(sha256(convert_to(previous || content, 'UTF8')), 'hex')`.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's content hash covers: what the writer chose, nothing the store added. */
export interface HashedContent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The content hash. `data` and `metadata` must be JSON values as the store reads them back
 * (hash `JSON.parse(JSON.stringify(value))` when writing, never the writer's object itself: a Date
 * or an `undefined` in an array has another form once stored).
 */
export function contentHash(event: HashedContent): string {
  return sha256Hex(
    canonicalJson({
      streamId: event.streamId,
      eventId: event.id.toLowerCase(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
    }),
  );
}

/** One step of the chain. */
export function chainHash(previousHash: string, content: string): string {
  return sha256Hex(previousHash + content);
}

/** The chain hashes of events appended after `previousHash` (GENESIS_HASH for a new stream). */
export function chainHashes(previousHash: string, contents: readonly string[]): string[] {
  const hashes: string[] = [];
  let previous = previousHash;
  for (const content of contents) {
    previous = chainHash(previous, content);
    hashes.push(previous);
  }
  return hashes;
}
