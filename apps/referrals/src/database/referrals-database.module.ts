import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export const REFERRALS_POOL = Symbol('REFERRALS_POOL');
export const REFERRALS_SCHEMA = 'referrals';

/** The referrals read models: Prisma for queries, a pg pool for the projections' set-based writes. */
export class ReferralsPrisma extends PrismaClient {}

export function referralsDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.REFERRALS_DATABASE_URL ?? env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL (or REFERRALS_DATABASE_URL) to the referrals database');
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  return parsed.toString();
}

class ReferralsDatabaseCloser implements OnApplicationShutdown {
  constructor(
    @Inject(REFERRALS_POOL) private readonly pool: Pool,
    private readonly prisma: ReferralsPrisma,
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
      provide: REFERRALS_POOL,
      useFactory: () => {
        // The projections' and the referral policy's transactions each hold one while routing queries run.
        const pool = new Pool({ connectionString: referralsDatabaseUrl(), max: 20 });
        pool.on('error', () => undefined);
        return pool;
      },
    },
    {
      provide: ReferralsPrisma,
      useFactory: () => new ReferralsPrisma({ adapter: new PrismaPg({ connectionString: referralsDatabaseUrl() }, { schema: REFERRALS_SCHEMA }) }),
    },
    ReferralsDatabaseCloser,
  ],
  exports: [REFERRALS_POOL, ReferralsPrisma],
})
export class ReferralsDatabaseModule {}
