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
 * or an `undefined` in an array has another form once stored). Writers use `canonicalJsonText` and
 * `contentHashOfCanonical`, which give the same hash in one pass.
 */
export function contentHash(event: HashedContent): string {
  return contentHashOfCanonical(event, canonicalJson(event.data), canonicalJson(event.metadata));
}

/**
 * The content hash from data and metadata already in canonical JSON: the canonical JSON of
 * { data, eventId, metadata, schemaVersion, streamId, type } (keys in that, sorted, order).
 */
export function contentHashOfCanonical(event: Omit<HashedContent, 'data' | 'metadata'>, data: string, metadata: string): string {
  return sha256Hex(
    `{"data":${data},"eventId":${JSON.stringify(event.id.toLowerCase())},"metadata":${metadata},` +
      `"schemaVersion":${JSON.stringify(event.schemaVersion)},"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}`,
  );
}

/** A key JavaScript enumerates as an array index: first, in numeric order, whatever the insertion order. */
const INDEX_LIKE_KEY = /^(0|[1-9][0-9]*)$/;

/**
 * A writer's value as canonical JSON, in one native pass: what `canonicalJson(JSON.parse(JSON.stringify(value)))`
 * gives (toJSON applied, undefined dropped from objects and null in arrays), with keys sorted.
 * An object with index-like keys ("2", "10") cannot hold them in string order, so such a value
 * takes the long way. Undefined when the value has no JSON form.
 */
export function canonicalJsonText(value: unknown): string | undefined {
  let indexLikeKeys = false;
  const text = JSON.stringify(value, (_key: string, item: unknown): unknown => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    // A null prototype keeps a "__proto__" key a key.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(item).sort()) {
      if (INDEX_LIKE_KEY.test(key)) indexLikeKeys = true;
      sorted[key] = (item as Record<string, unknown>)[key];
    }
    return sorted;
  });
  return indexLikeKeys && text !== undefined ? canonicalJson(JSON.parse(text)) : text;
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
