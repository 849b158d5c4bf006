import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export const RESIDENTS_POOL = Symbol('RESIDENTS_POOL');
export const RESIDENTS_SCHEMA = 'residents';

/** The residents read models: Prisma for queries, a pg pool for the projections' set-based writes. */
export class ResidentsPrisma extends PrismaClient {}

export function residentsDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.RESIDENTS_DATABASE_URL ?? env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL (or RESIDENTS_DATABASE_URL) to the residents database');
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  return parsed.toString();
}

class ResidentsDatabaseCloser implements OnApplicationShutdown {
  constructor(
    @Inject(RESIDENTS_POOL) private readonly pool: Pool,
    private readonly prisma: ResidentsPrisma,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
    await this.pool.end();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: RESIDENTS_POOL,
      useFactory: () => {
        const pool = new Pool({ connectionString: residentsDatabaseUrl(), max: 10 });
        pool.on('error', () => undefined);
        return pool;
      },
    },
    {
      provide: ResidentsPrisma,
      useFactory: () => new ResidentsPrisma({ adapter: new PrismaPg({ connectionString: residentsDatabaseUrl() }, { schema: RESIDENTS_SCHEMA }) }),
    },
    ResidentsDatabaseCloser,
  ],
  exports: [RESIDENTS_POOL, ResidentsPrisma],
})
export class ResidentsDatabaseModule {}
