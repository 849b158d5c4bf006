import { GlobalPosition } from '@gridcare/event-store';
import {
  assertSchemaName,
  LOAD_CHECKPOINT_SQL,
  LOCK_PROJECTION_SQL,
  ProjectionDatabase,
  SAVE_CHECKPOINT_SQL,
} from './projection-database';

/** What the runner needs of a Prisma transaction client (any generated client has it). */
export interface PrismaTransactionLike {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** What the runner needs of a generated PrismaClient. */
export interface PrismaClientLike<Tx extends PrismaTransactionLike> extends PrismaTransactionLike {
  $transaction<R>(work: (tx: Tx) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
}

/**
 * Projection storage through a service's Prisma client: the read model is written with the
 * interactive transaction's client, and the checkpoint in the same transaction.
 */
export class PrismaProjectionDatabase<Tx extends PrismaTransactionLike> implements ProjectionDatabase<Tx> {
  private readonly schema: string;

  constructor(
    private readonly prisma: PrismaClientLike<Tx>,
    schema: string,
    private readonly transactionTimeoutMs = 120_000,
  ) {
    this.schema = assertSchemaName(schema);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 30_000, timeout: this.transactionTimeoutMs });
  }

  async loadCheckpoint(projection: string): Promise<GlobalPosition | null> {
    const rows = await this.prisma.$queryRawUnsafe<{ commit: string; prepare: string }[]>(LOAD_CHECKPOINT_SQL(this.schema), projection);
    return rows.length ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : null;
  }

  async lockCheckpoint(tx: Tx, projection: string): Promise<GlobalPosition | null> {
    await tx.$queryRawUnsafe(LOCK_PROJECTION_SQL, `${this.schema}.${projection}`);
    const rows = await tx.$queryRawUnsafe<{ commit: string; prepare: string }[]>(LOAD_CHECKPOINT_SQL(this.schema), projection);
    return rows.length ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : null;
  }

  async saveCheckpoint(tx: Tx, projection: string, position: GlobalPosition): Promise<void> {
    await tx.$executeRawUnsafe(SAVE_CHECKPOINT_SQL(this.schema), projection, position.commit.toString(), position.prepare.toString());
  }
}
