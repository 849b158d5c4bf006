import { GlobalPosition } from '@gridcare/event-store';

/** Where a projection keeps its read model and its checkpoint: one database, one transaction. */
export interface ProjectionDatabase<Tx> {
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  loadCheckpoint(projection: string): Promise<GlobalPosition | null>;
  /**
   * Inside a batch's transaction: waits for any other instance's batch of this projection to
   * commit, then returns the checkpoint as committed, so two instances never apply an event twice.
   */
  lockCheckpoint(tx: Tx, projection: string): Promise<GlobalPosition | null>;
  saveCheckpoint(tx: Tx, projection: string, position: GlobalPosition): Promise<void>;
}

/**
 * The checkpoint table each service keeps in its own schema. Copy this DDL into the
 * service's first migration (and the model below into its Prisma schema).
 *
 *   CREATE TABLE "projection_checkpoints" (
 *     "projection"     TEXT PRIMARY KEY,
 *     "commit_position"  NUMERIC(20) NOT NULL,
 *     "prepare_position" NUMERIC(20) NOT NULL,
 *     "updated_at"     TIMESTAMPTZ(6) NOT NULL DEFAULT now()
 *   );
 */
export const CHECKPOINT_TABLE = 'projection_checkpoints';

export const SAVE_CHECKPOINT_SQL = (schema: string) => `
INSERT INTO "${schema}"."${CHECKPOINT_TABLE}" (projection, commit_position, prepare_position, updated_at)
VALUES ($1, $2::numeric, $3::numeric, now())
ON CONFLICT (projection) DO UPDATE
SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = now()`;

export const LOAD_CHECKPOINT_SQL = (schema: string) =>
  `SELECT commit_position::text AS commit, prepare_position::text AS prepare FROM "${schema}"."${CHECKPOINT_TABLE}" WHERE projection = $1`;

/** A transaction-scoped advisory lock per projection (and schema). */
export const LOCK_PROJECTION_SQL = `SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1))`;


export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
  return schema;
}
