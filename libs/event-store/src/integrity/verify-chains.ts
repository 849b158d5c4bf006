import { RecordedEvent } from '../port/event-envelope';
import { EventStore } from '../port/event-store';
import { comparePositions, formatPosition, GlobalPosition, START } from '../port/global-position';
import { chainHash, contentHash, GENESIS_HASH } from './event-hash';
import { hasStreamHeads, StreamHead } from './stream-heads';

/**
 * Why a stream's chain does not hold, at the first revision where it stops holding:
 * - `content-changed`: the event's content no longer hashes to the hash recorded with it, and that
 *   recorded hash still leads on to the next event (or the stream's head): the event was edited;
 * - `chain-broken`: the event's hash does not follow from the one before it, and does not lead on
 *   either: an event before it was removed and the rest renumbered, or the hash itself was changed;
 * - `revision-gap`: a revision is missing (an event removed) or repeated;
 * - `hash-missing`: an event after the chain began has no hash (it was cleared or inserted by hand);
 * - `tail-removed`: the stream's head says it goes on further than its events do;
 * - `stream-removed`: the head names a stream that has no events;
 * - `head-mismatch` / `head-missing`: the head does not match the event at its revision, or a
 *   stream with chained events has no head.
 * The reason is a diagnosis; the detection is what the chain guarantees.
 */
export type ChainBreakReason =
  | 'content-changed'
  | 'chain-broken'
  | 'revision-gap'
  | 'hash-missing'
  | 'tail-removed'
  | 'stream-removed'
  | 'head-mismatch'
  | 'head-missing';

export interface ChainBreak {
  readonly streamId: string;
  readonly revision: number;
  readonly reason: ChainBreakReason;
  readonly detail: string;
}

export interface StreamChainResult {
  readonly streamId: string;
  /** Events examined (up to the break, and the one after it). */
  readonly events: number;
  /** Events recorded before the chain existed (no hash, at the start of the stream). */
  readonly unchained: number;
  readonly lastRevision: number | null;
  /** The chain hash at the last event verified, or null when none was chained. */
  readonly lastHash: string | null;
  readonly break?: ChainBreak;
}

/**
 * Checks one stream's events, given one at a time in revision order; keeps only the last hash.
 * Events recorded without a hash are accepted only before the first hashed one (written before
 * the chain existed); the first hashed event then chains from genesis, as the adapters write it.
 */
export class StreamChainChecker {
  private nextRevision = 0;
  private previousHash = GENESIS_HASH;
  private chained = false;
  private events = 0;
  private unchained = 0;
  private broken?: ChainBreak;
  /** A hash that did not follow: decided by the next event (or the head) whether the content or the chain broke. */
  private suspect?: { revision: number; storedHash: string };

  constructor(
    readonly streamId: string,
    private readonly head?: StreamHead,
  ) {}

  get isBroken(): boolean {
    return this.broken !== undefined || this.suspect !== undefined;
  }

  /** Whether a hashed event has been verified. */
  get isChained(): boolean {
    return this.chained;
  }

  get hasHead(): boolean {
    return this.head !== undefined;
  }

  /** The revision the next event must have. */
  get expectedRevision(): number {
    return this.nextRevision;
  }

  add(event: RecordedEvent): void {
    if (this.broken) return;
    this.events++;
    if (this.suspect) {
      const { revision, storedHash } = this.suspect;
      const leadsOn = event.revision === revision + 1 && event.hash !== undefined && chainHash(storedHash, contentHash(event)) === event.hash;
      this.settleSuspect(leadsOn);
      return;
    }
    if (event.revision !== this.nextRevision) {
      const detail =
        event.revision > this.nextRevision
          ? `revision ${this.nextRevision} is missing: revision ${event.revision} follows ${this.nextRevision - 1}`
          : `revision ${event.revision} appears again after ${this.nextRevision - 1}`;
      return this.fail(this.nextRevision, 'revision-gap', detail);
    }
    if (event.hash === undefined) {
      if (this.chained) return this.fail(event.revision, 'hash-missing', `revision ${event.revision} has no hash, after chained events`);
      this.unchained++;
      this.nextRevision++;
      return;
    }
    if (chainHash(this.previousHash, contentHash(event)) !== event.hash) {
      this.suspect = { revision: event.revision, storedHash: event.hash };
      return;
    }
    this.previousHash = event.hash;
    this.chained = true;
    this.nextRevision++;
    const head = this.head;
    if (head && head.revision === event.revision && head.hash !== null && head.hash !== event.hash) {
      this.fail(event.revision, 'head-mismatch', `the head's hash at revision ${head.revision} is not the event's`);
    }
  }

  /**
   * The result, once every event was added. `headsKnown`: the store keeps heads (and has none
   * for this stream), so a stream with chained events and no head is itself a finding.
   */
  finish(headsKnown = false): StreamChainResult {
    if (this.suspect) {
      // The last event did not verify: if the head still holds its recorded hash, the content changed.
      const head = this.head;
      this.settleSuspect(!head || (head.revision === this.suspect.revision && head.hash === this.suspect.storedHash));
    }
    const last = this.nextRevision - 1;
    const head = this.head;
    if (!this.broken && head && head.revision > last) {
      if (this.events === 0) this.fail(0, 'stream-removed', `the head is at revision ${head.revision}, the stream has no events`);
      else this.fail(last + 1, 'tail-removed', `the head is at revision ${head.revision}, the last event at ${last}`);
    }
    if (!this.broken && !head && headsKnown && this.chained) this.fail(last, 'head-missing', 'the stream has chained events but no head');
    return {
      streamId: this.streamId,
      events: this.events,
      unchained: this.unchained,
      lastRevision: last >= 0 ? last : null,
      lastHash: this.chained ? this.previousHash : null,
      ...(this.broken ? { break: this.broken } : {}),
    };
  }

  private settleSuspect(leadsOn: boolean): void {
    const { revision } = this.suspect as { revision: number };
    this.suspect = undefined;
    if (leadsOn) this.fail(revision, 'content-changed', `revision ${revision} does not hash to the hash recorded with it, which the chain goes on from`);
    else this.fail(revision, 'chain-broken', `revision ${revision}'s hash does not follow from revision ${revision - 1}'s`);
  }

  private fail(revision: number, reason: ChainBreakReason, detail: string): void {
    this.broken = { streamId: this.streamId, revision, reason, detail };
  }
}

/** Verifies one stream's recorded events, in revision order (as `readStream` returns them). */
export function verifyStreamChain(events: readonly RecordedEvent[], head?: StreamHead): StreamChainResult {
  const streamId = events[0]?.streamId ?? head?.streamId;
  if (streamId === undefined) throw new Error('verifyStreamChain needs events or a head');
  const checker = new StreamChainChecker(streamId, head);
  for (const event of events) checker.add(event);
  return checker.finish();
}

export interface ChainVerificationProgress {
  readonly events: number;
  readonly streams: number;
  readonly checkpoint: GlobalPosition;
}

export interface ChainVerificationReport {
  readonly events: number;
  readonly streams: number;
  /** Events recorded before the chain existed. */
  readonly unchainedEvents: number;
  /** Whether the store keeps stream heads, i.e. whether removed last events and streams were looked for. */
  readonly headsChecked: boolean;
  /** The first break of every broken stream. */
  readonly breaks: ChainBreak[];
  readonly ok: boolean;
}

export interface VerifyAllChainsOptions {
  /** Called after every page of the log. */
  readonly onProgress?: (progress: ChainVerificationProgress) => void;
  readonly pageSize?: number;
  /**
   * How long to wait for events committed before the verification started that the log cannot
   * hand out yet (held back behind an older open transaction, of any database on the server).
   */
  readonly heldBackTimeoutMs?: number;
}

/**
 * Reads the whole log and verifies every stream's chain; with a store that keeps heads
 * (PostgreSQL), compares each stream's end with its head too. Memory: one small state per
 * stream (the last hash), plus the heads. Give it the adapter itself, not a
 * `ValidatingEventStore`: upcasting changes what was hashed.
 */
export async function verifyAllChains(store: EventStore, options: VerifyAllChainsOptions = {}): Promise<ChainVerificationReport> {
  const pageSize = options.pageSize ?? 5000;
  // The heads are read first: every event they name was committed before the log is read.
  const heads = new Map<string, StreamHead>();
  const headsChecked = hasStreamHeads(store);
  if (hasStreamHeads(store)) for await (const page of store.readStreamHeads()) for (const head of page) heads.set(head.streamId, head);

  const checkers = new Map<string, StreamChainChecker>();
  const checkerOf = (streamId: string) => {
    let checker = checkers.get(streamId);
    if (!checker) checkers.set(streamId, (checker = new StreamChainChecker(streamId, heads.get(streamId))));
    return checker;
  };
  // Everything committed before now is verified: a stream whose events are held back, and whose head
  // was deleted, would otherwise be missed altogether.
  const logHead = await store.headPosition();
  const heldBackUntil = Date.now() + (options.heldBackTimeoutMs ?? 60_000);
  let after = START;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    for (const event of page.events) checkerOf(event.streamId).add(event);
    events += page.events.length;
    after = page.checkpoint;
    options.onProgress?.({ events, streams: checkers.size, checkpoint: after });
    if (!page.endOfLog) continue;
    if (!logHead || comparePositions(after, logHead) >= 0) break;
    if (Date.now() > heldBackUntil) {
      throw new Error(`the log is held back at ${formatPosition(after)} by an open transaction (its head is ${formatPosition(logHead)}): verify again once it ends`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  // A head past what the log handed out: the rest may be committed but not yet safe to read in
  // the global log (held back behind an older open transaction). Read those streams directly.
  for (const head of heads.values()) {
    const checker = checkerOf(head.streamId);
    if (checker.isBroken || checker.expectedRevision > head.revision) continue;
    const rest = await store.readStream(head.streamId, { fromRevision: checker.expectedRevision });
    for (const event of rest) checker.add(event);
    events += rest.length;
  }

  const breaks: ChainBreak[] = [];
  let unchainedEvents = 0;
  for (const checker of checkers.values()) {
    // A stream created after the heads were read has a head by now; one without is a finding.
    const headMissing = hasStreamHeads(store) && !checker.hasHead && checker.isChained && (await store.readStreamHead(checker.streamId)) === null;
    const result = checker.finish(headMissing);
    unchainedEvents += result.unchained;
    if (result.break) breaks.push(result.break);
  }
  return { events, streams: checkers.size, unchainedEvents, headsChecked, breaks, ok: breaks.length === 0 };
}

/** One line per break, for logs and the command line. */
export function describeBreak(found: ChainBreak): string {
  return `${found.streamId}@${found.revision}: ${found.reason} (${found.detail})`;
}
