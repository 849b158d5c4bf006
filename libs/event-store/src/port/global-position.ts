/**
 * A position in the global log ($all). Ordered by `commit`, then `prepare`, exactly like
 * EventStoreDB's $all positions. The PostgreSQL adapter stores the appending transaction's
 * id in `commit` and the event's sequence number in `prepare`, which makes the order safe
 * to tail (see docs/adr/0003-event-store-schema-and-ordering.md).
 */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: GlobalPosition = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function maxPosition(a: GlobalPosition, b: GlobalPosition): GlobalPosition {
  return comparePositions(a, b) >= 0 ? a : b;
}

/** `commit/prepare`, the form checkpoints and logs use. */
export function formatPosition(position: GlobalPosition): string {
  return `${position.commit}/${position.prepare}`;
}

export function parsePosition(text: string): GlobalPosition {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`not a global position: "${text}" (expected commit/prepare)`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
