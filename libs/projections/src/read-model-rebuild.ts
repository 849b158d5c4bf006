import { comparePositions, EventStore, GlobalPosition, START } from '@gridcare/event-store';
import { Pool } from 'pg';
import { assertSchemaName } from './projection-database';
import { PgProjectionDatabase } from './pg-projection-database';
import { ReadModel } from './read-model';
import { copyTablesInto, moveTablesBack, ShadowTable } from './shadow-tables';

export type RebuildPhase = 'building' | 'switching' | 'done';

export interface RebuildProgress {
  readonly phase: RebuildPhase;
  /** Events of the read model's types applied to the new tables so far. */
  readonly eventsApplied: number;
  /** How far through the log the build is, 0 to 1 (by the log position of the last event read). */
  readonly fraction: number;
  readonly checkpoint: GlobalPosition;
}

export interface RebuildResult {
  readonly readModel: string;
  readonly eventsApplied: number;
  /** The checkpoint the rebuilt tables went live with. */
  readonly checkpoint: GlobalPosition;
  readonly durationMs: number;
  /** How long readers waited for the switch: the time the tables were locked. */
  readonly switchMs: number;
}

export interface RebuildOptions {
  readonly pageSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** How long the switch waits for readers to let go of the old tables before it tries again. */
  readonly switchLockTimeoutMs?: number;
  readonly switchAttempts?: number;
  /** Stops the build between two pages (the service shutting down): the live tables stay, the shadow goes. */
  readonly signal?: AbortSignal;
}

/** Another rebuild of the same read model is running (here or in another process). */
export class RebuildInProgressError extends Error {
  readonly code = 'REBUILD_IN_PROGRESS';
  constructor(readonly readModel: string) {
    super(`read model ${readModel} is being rebuilt already`);
    this.name = 'RebuildInProgressError';
  }
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Rebuilds a read model from the log without taking it away. Its tables are built afresh in a
 * shadow schema (same columns, constraints and indexes), page by page, while the live tables
 * keep answering and the live runner keeps them current. Then, in one short transaction that
 * holds the projection's checkpoint lock, the shadow catches up with the log's head, the old
 * tables are dropped, the new ones moved into the service's schema under the old index names,
 * and the checkpoint set: readers see the old rows until that commits and the new rows after.
 * A process that dies mid-rebuild leaves the live tables as they were; the next rebuild starts over.
 */
export async function rebuildReadModel(store: EventStore, pool: Pool, schema: string, readModel: ReadModel, options: RebuildOptions = {}): Promise<RebuildResult> {
  const started = Date.now();
  const live = assertSchemaName(schema);
  const shadow = shadowSchemaOf(live, readModel.name);
  const pageSize = options.pageSize ?? 2000;
  const guard = await pool.connect();
  let shadowCreated = false;
  try {
    const { rows } = await guard.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`rebuild ${live}.${readModel.name}`]);
    if (!rows[0].locked) throw new RebuildInProgressError(readModel.name);
    const tables = await new PgProjectionDatabase(pool, live).transaction((tx) => copyTablesInto(tx, live, shadow, readModel.tables));
    shadowCreated = true;

    const head = await store.headPosition();
    const report = (phase: RebuildPhase, eventsApplied: number, checkpoint: GlobalPosition, lastRead: bigint) =>
      options.onProgress?.({ phase, eventsApplied, checkpoint, fraction: phase === 'done' ? 1 : fractionRead(lastRead, head) });
    // Its transactions find the read model's tables in the shadow schema.
    const shadowDatabase = new PgProjectionDatabase(pool, shadow);
    let after = START;
    let applied = 0;
    let lastRead = 0n;
    for (;;) {
      if (options.signal?.aborted) throw new Error(`rebuild of ${readModel.name} stopped before its switch: ${String(options.signal.reason ?? 'aborted')}`);
      const page = await store.readAll({ after, maxCount: pageSize, filter: { eventTypes: readModel.eventTypes } });
      if (page.events.length) {
        await shadowDatabase.transaction((tx) => readModel.apply(page.events, tx));
        lastRead = page.events[page.events.length - 1].position.prepare;
      }
      applied += page.events.length;
      after = page.checkpoint;
      report('building', applied, after, lastRead);
      if (page.endOfLog) break;
    }
    // Fresh statistics, so the first queries on the new tables are planned as well as the old.
    for (const table of readModel.tables) await guard.query(`ANALYZE "${shadow}"."${table}"`);

    report('switching', applied, after, lastRead);
    const attempts = options.switchAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const switched = await switchOver(store, pool, live, shadow, readModel, tables, after, pageSize, options.switchLockTimeoutMs ?? 2_000);
        shadowCreated = false;
        applied += switched.caughtUp;
        report('done', applied, switched.checkpoint, lastRead);
        return { readModel: readModel.name, eventsApplied: applied, checkpoint: switched.checkpoint, durationMs: Date.now() - started, switchMs: switched.switchMs };
      } catch (error) {
        // A long reader held an old table: the switch rolled back; readers were never stuck behind it for long.
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE || attempt >= attempts) throw error;
      }
    }
  } finally {
    if (shadowCreated) await guard.query(`DROP SCHEMA IF EXISTS "${shadow}" CASCADE`).catch(() => undefined);
    await guard.query('SELECT pg_advisory_unlock(hashtext($1))', [`rebuild ${live}.${readModel.name}`]).catch(() => undefined);
    guard.release();
  }
}

/**
 * The switch, in one transaction: waits for the live runner's batch in flight, brings the shadow
 * up to the log's head, swaps the tables and saves the checkpoint. A rollback leaves both as they were.
 */
async function switchOver(
  store: EventStore,
  pool: Pool,
  live: string,
  shadow: string,
  readModel: ReadModel,
  tables: readonly ShadowTable[],
  from: GlobalPosition,
  pageSize: number,
  lockTimeoutMs: number,
): Promise<{ checkpoint: GlobalPosition; caughtUp: number; switchMs: number }> {
  const database = new PgProjectionDatabase(pool, live);
  // In the shadow's search path: the catch-up writes there; the checkpoint's SQL names the live schema.
  return new PgProjectionDatabase(pool, shadow).transaction(async (tx) => {
    const saved = await database.lockCheckpoint(tx, readModel.name);
    let after = from;
    let caughtUp = 0;
    for (;;) {
      const page = await store.readAll({ after, maxCount: pageSize, filter: { eventTypes: readModel.eventTypes } });
      if (page.events.length) await readModel.apply(page.events, tx);
      caughtUp += page.events.length;
      after = page.checkpoint;
      if (page.endOfLog) break;
    }
    if (saved && comparePositions(saved, after) > 0) {
      throw new Error(`read model ${readModel.name}: the live checkpoint is past the log's head; rebuild refused`);
    }
    const locked = Date.now();
    await tx.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    await moveTablesBack(tx, live, shadow, tables);
    await database.saveCheckpoint(tx, readModel.name, after);
    return { checkpoint: after, caughtUp, switchMs: Date.now() - locked };
  });
}

/** The shadow schema a read model is rebuilt in: one per read model, so two can be rebuilt at once. */
export function shadowSchemaOf(schema: string, readModel: string): string {
  return assertSchemaName(`${schema}__rebuild__${readModel.replace(/-/g, '_')}`.slice(0, 63));
}

function fractionRead(lastRead: bigint, head: GlobalPosition | null): number {
  if (!head || head.prepare === 0n) return 1;
  return Math.min(1, Number(lastRead) / Number(head.prepare));
}
