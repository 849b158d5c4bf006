import { GlobalPosition } from '@gridcare/event-store';
import { Pool, PoolClient } from 'pg';
import {
  assertSchemaName,
  LOAD_CHECKPOINT_SQL,
  LOCK_PROJECTION_SQL,
  ProjectionDatabase,
  SAVE_CHECKPOINT_SQL,
} from './projection-database';

/**
 * Projection storage on a plain `pg` pool: the transaction is a checked-out client whose search
 * path is the service's schema, where a read model's unqualified table names are found.
 */
export class PgProjectionDatabase implements ProjectionDatabase<PoolClient> {
  private readonly schema: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.schema = assertSchemaName(schema);
  }

  async transaction<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN; SET LOCAL search_path TO "${this.schema}"`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async loadCheckpoint(projection: string): Promise<GlobalPosition | null> {
    const { rows } = await this.pool.query<{ commit: string; prepare: string }>(LOAD_CHECKPOINT_SQL(this.schema), [projection]);
    return rows.length ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : null;
  }

  async lockCheckpoint(tx: PoolClient, projection: string): Promise<GlobalPosition | null> {
    await tx.query(LOCK_PROJECTION_SQL, [`${this.schema}.${projection}`]);
    const { rows } = await tx.query<{ commit: string; prepare: string }>(LOAD_CHECKPOINT_SQL(this.schema), [projection]);
    return rows.length ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : null;
  }

  async saveCheckpoint(tx: PoolClient, projection: string, position: GlobalPosition): Promise<void> {
    await tx.query(SAVE_CHECKPOINT_SQL(this.schema), [projection, position.commit.toString(), position.prepare.toString()]);
  }
}
