import { Inject, OnApplicationShutdown, Provider } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';

/**
 * A service's read-model database URL: `<SERVICE>_DATABASE_URL`, else DATABASE_URL, without a
 * `schema` parameter (each service names its schema in its SQL and its Prisma adapter).
 */
export function readModelDatabaseUrl(serviceVariable: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = env[serviceVariable] ?? env.DATABASE_URL;
  if (!url) throw new Error(`set DATABASE_URL (or ${serviceVariable}) to the service's database`);
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  return parsed.toString();
}

export interface ReadModelDatabaseOptions {
  /** The token the pg pool is provided under (projections' set-based writes). */
  poolToken: symbol;
  /** The service's generated Prisma client class (queries). */
  prismaClient: new (options: { adapter: PrismaPg }) => { $disconnect(): Promise<void> };
  /** The PostgreSQL schema of its read models. */
  schema: string;
  url: () => string;
  /** Every projection holds a connection while it applies a batch; commands and queries need theirs too. */
  poolMax: number;
}

/** The pool, the Prisma client and their closing at shutdown, for a service's database module. */
export function readModelDatabaseProviders(options: ReadModelDatabaseOptions): Provider[] {
  class ReadModelDatabaseCloser implements OnApplicationShutdown {
    constructor(
      @Inject(options.poolToken) private readonly pool: Pool,
      @Inject(options.prismaClient) private readonly prisma: { $disconnect(): Promise<void> },
    ) {}

    async onApplicationShutdown(): Promise<void> {
      await this.prisma.$disconnect();
      await this.pool.end();
    }
  }
  return [
    {
      provide: options.poolToken,
      useFactory: () => {
        const pool = new Pool({ connectionString: options.url(), max: options.poolMax });
        // An idle connection dropped by the server must not crash the process; the pool reconnects.
        pool.on('error', () => undefined);
        return pool;
      },
    },
    {
      provide: options.prismaClient,
      useFactory: () => new options.prismaClient({ adapter: new PrismaPg({ connectionString: options.url() }, { schema: options.schema }) }),
    },
    ReadModelDatabaseCloser,
  ];
}
