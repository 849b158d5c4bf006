import { Pool, PoolConfig } from 'pg';
import { EventToAppend, RecordedEvent } from '../port/event-envelope';
import { EventIdConflict, WrongExpectedVersion } from '../port/errors';
import {
  AppendResult,
  EventBatch,
  EventStore,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  SubscribeOptions,
} from '../port/event-store';
import { ExpectedRevision } from '../port/expected-revision';
import { comparePositions, GlobalPosition, maxPosition, START } from '../port/global-position';
import { appendStatement, AppendRow } from './append-statement';
import { AppendNotifications } from './append-notifications';
import { AppendWaker } from './append-waker';
import { heldBackStatement, readAllStatement } from './read-all-statement';
import { eventColumns, EventRow, rowToEvent } from './row-to-event';
import { eventStoreTables, EventStoreTables } from './sql-names';
import { prepareAppend } from './validate-append';
import { checkDistinctStreams, createStreamsOneByOne, NewStream, NewStreamOutcome } from '../port/new-streams';
import { insertNewStreams } from './new-streams-insert';
import { chainHashes, GENESIS_HASH } from '../integrity/event-hash';
import { StreamHead, StreamHeadSource } from '../integrity/stream-heads';

export interface PostgresEventStoreOptions {
  /** Either a connection string (the store owns its pool) or a pool to share. */
  connectionString?: string;
  pool?: Pool;
  poolConfig?: PoolConfig;
  /** The schema holding `events`; `event_store` by default. */
  schema?: string;
  /** How long a live subscription waits without a wake-up before it looks anyway. */
  fallbackPollMs?: number;
}

const UNIQUE_VIOLATION = '23505';
const MAX_ANY_RETRIES = 20;

/** One prepared append statement per kind of expectation. */
function statementKey(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? 'exact' : expected;
}

interface ReadAllRow extends Partial<EventRow> {
  safe_xmin: string;
}

/** The event store on PostgreSQL: the default adapter, embedded or on a real server. */
export class PostgresEventStore implements EventStore, StreamHeadSource {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly tables: EventStoreTables;
  private readonly notifications: AppendNotifications;
  private readonly fallbackPollMs: number;
  private readonly appendSql = new Map<string, string>();

  constructor(options: PostgresEventStoreOptions) {
    if (!options.pool && !options.connectionString) throw new Error('PostgresEventStore needs a pool or a connection string');
    this.pool = options.pool ?? new Pool({ connectionString: options.connectionString, max: 20, ...options.poolConfig });
    this.ownsPool = !options.pool;
    // An idle connection dropped by the server must not crash the process; the pool reconnects.
    if (this.ownsPool) this.pool.on('error', () => undefined);
    this.tables = eventStoreTables(options.schema ?? 'event_store');
    this.fallbackPollMs = options.fallbackPollMs ?? 5000;
    const listenerUrl = options.connectionString ?? (this.pool.options.connectionString as string | undefined);
    this.notifications = new AppendNotifications(this.pool, this.tables.notifyChannel, listenerUrl, new AppendWaker());
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events, expectedRevision);
    const sql = this.appendSqlFor(expectedRevision);
    // A new stream's chain starts at genesis: Node computes it. Otherwise the statement chains
    // the content hashes from the hash of the event it appends after.
    const hashes = expectedRevision === 'no_stream' ? chainHashes(GENESIS_HASH, prepared.contentHashes) : prepared.contentHashes;
    const params: unknown[] = [streamId, prepared.ids, prepared.types, prepared.versions, prepared.data, prepared.metadata, hashes];
    if (typeof expectedRevision === 'number') params.push(expectedRevision);
    const name = `gridcare_append_${this.tables.notifyChannel}_${statementKey(expectedRevision)}`;
    for (let attempt = 0; ; attempt++) {
      let row: AppendRow;
      try {
        row = (await this.pool.query<AppendRow>({ name, text: sql, values: params })).rows[0];
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        // Another writer won the race for this revision under `any`: there was no
        // expectation to break, so take the next revision.
        const lostRace = (error as { constraint?: string }).constraint === 'events_pkey';
        if (expectedRevision === 'any' && lostRace && attempt < MAX_ANY_RETRIES) continue;
        return this.rejectedAppend(streamId, prepared.ids, expectedRevision);
      }
      if (row.next_revision !== null && row.last_position !== null && row.last_tx !== null) {
        this.notifications.appended();
        return {
          nextExpectedRevision: row.next_revision,
          position: { commit: BigInt(row.last_tx), prepare: BigInt(row.last_position) },
        };
      }
      return this.rejectedAppend(streamId, prepared.ids, expectedRevision);
    }
  }

  async appendToNewStreams(streams: readonly NewStream[]): Promise<NewStreamOutcome[]> {
    checkDistinctStreams(streams);
    const prepared = streams.map((stream) => ({ stream, prepared: prepareAppend(stream.streamId, stream.events, 'no_stream') }));
    if (!prepared.length) return [];
    const outcomes = await insertNewStreams(this.pool, this.tables, prepared);
    if (outcomes) {
      if (outcomes.some((outcome) => outcome.status === 'appended')) this.notifications.appended();
      return outcomes;
    }
    // A racing writer created one of the streams meanwhile; nothing was written. One by one,
    // each stream gets the answer its own append gets.
    return createStreamsOneByOne((stream) => this.appendToStream(stream.streamId, stream.events, { expectedRevision: 'no_stream' }), streams);
  }

  private appendSqlFor(expected: ExpectedRevision): string {
    const key = statementKey(expected);
    let sql = this.appendSql.get(key);
    if (!sql) {
      sql = appendStatement(this.tables, expected);
      this.appendSql.set(key, sql);
    }
    return sql;
  }

  /**
   * Nothing was written. Either this is a retry of an append that already succeeded (all
   * its ids are in the stream: return what the first one wrote), or a real conflict.
   */
  private async rejectedAppend(streamId: string, ids: string[], expected: ExpectedRevision): Promise<AppendResult> {
    const { rows } = await this.pool.query<{ event_id: string; rev: number; gp: string; tx: string }>(
      `SELECT event_id, stream_revision::int AS rev, global_position::text AS gp, transaction_id::text AS tx
       FROM ${this.tables.events} WHERE stream_id = $1 AND event_id = ANY($2::uuid[]) ORDER BY stream_revision`,
      [streamId, ids],
    );
    if (rows.length === ids.length) {
      const last = rows[rows.length - 1];
      return { nextExpectedRevision: last.rev, position: { commit: BigInt(last.tx), prepare: BigInt(last.gp) } };
    }
    if (rows.length > 0) throw new EventIdConflict(streamId, rows.map((row) => row.event_id));
    throw new WrongExpectedVersion(streamId, expected, await this.currentRevision(streamId));
  }

  private async currentRevision(streamId: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ revision: number | null }>(
      `SELECT max(stream_revision)::int AS revision FROM ${this.tables.events} WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0].revision;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const params: unknown[] = [streamId];
    let where = 'stream_id = $1';
    if (options.fromRevision !== undefined) {
      params.push(options.fromRevision);
      where += backwards ? ' AND stream_revision <= $2' : ' AND stream_revision >= $2';
    }
    let limit = '';
    if (options.maxCount !== undefined) {
      params.push(options.maxCount);
      limit = ` LIMIT $${params.length}`;
    }
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${eventColumns()} FROM ${this.tables.events} WHERE ${where} ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'}${limit}`,
      params,
    );
    return rows.map(rowToEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? START;
    const maxCount = options.maxCount ?? 1000;
    const { sql, filterParams } = readAllStatement(this.tables.events, options.filter);
    const { rows } = await this.pool.query<ReadAllRow>(sql, [after.commit.toString(), after.prepare.toString(), maxCount, ...filterParams]);
    const events = rows.filter((row) => row.gp !== null && row.gp !== undefined).map((row) => rowToEvent(row as EventRow));
    const endOfLog = events.length < maxCount;
    let checkpoint = events.length ? events[events.length - 1].position : after;
    if (endOfLog) {
      // Everything below the snapshot's xmin has been seen: skip past filtered-out rows.
      checkpoint = maxPosition(checkpoint, { commit: BigInt(rows[0].safe_xmin), prepare: 0n });
    }
    return { events, checkpoint, endOfLog };
  }

  async *readStreamHeads(pageSize = 10_000): AsyncIterable<StreamHead[]> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ stream_id: string; revision: number; hash: string | null }>(
        `SELECT stream_id, revision::int AS revision, hash FROM ${this.tables.heads} WHERE stream_id > $1 ORDER BY stream_id LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length) yield rows.map((row) => ({ streamId: row.stream_id, revision: row.revision, hash: row.hash }));
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].stream_id;
    }
  }

  async readStreamHead(streamId: string): Promise<StreamHead | null> {
    const { rows } = await this.pool.query<{ revision: number; hash: string | null }>(
      `SELECT revision::int AS revision, hash FROM ${this.tables.heads} WHERE stream_id = $1`,
      [streamId],
    );
    return rows.length ? { streamId, revision: rows[0].revision, hash: rows[0].hash } : null;
  }

  async headPosition(): Promise<GlobalPosition | null> {
    const { rows } = await this.pool.query<{ gp: string; tx: string }>(
      `SELECT global_position::text AS gp, transaction_id::text AS tx FROM ${this.tables.events} ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    return rows.length ? { commit: BigInt(rows[0].tx), prepare: BigInt(rows[0].gp) } : null;
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<EventBatch> {
    return { [Symbol.asyncIterator]: () => this.subscription(options) };
  }

  private async *subscription(options: SubscribeOptions): AsyncGenerator<EventBatch> {
    const { signal, filter } = options;
    const batchSize = options.batchSize ?? 500;
    const waker = this.notifications.waker;
    let after = options.after ?? START;
    let announcedCaughtUp = false;
    let heldBackDelay = 5;
    await this.notifications.listen();
    while (!signal?.aborted) {
      const ticket = waker.ticket();
      const page = await this.readAll({ after, maxCount: batchSize, filter });
      const advanced = comparePositions(page.checkpoint, after) > 0;
      after = page.checkpoint;
      if (page.events.length > 0 || advanced || (page.endOfLog && !announcedCaughtUp)) {
        announcedCaughtUp = page.endOfLog;
        yield { events: page.events, checkpoint: page.checkpoint, caughtUp: page.endOfLog };
      }
      if (!page.endOfLog) continue;
      // Committed events may be held back behind an older open transaction: look again
      // soon rather than waiting for the next append's wake-up.
      const heldBack = (await this.pool.query<{ held_back: boolean }>(heldBackStatement(this.tables.events))).rows[0].held_back;
      if (heldBack) {
        await waker.wait(ticket, heldBackDelay, signal);
        heldBackDelay = Math.min(heldBackDelay * 2, 200);
      } else {
        heldBackDelay = 5;
        await waker.wait(ticket, this.fallbackPollMs, signal);
      }
    }
  }

  async close(): Promise<void> {
    await this.notifications.close();
    if (this.ownsPool) await this.pool.end();
  }
}
