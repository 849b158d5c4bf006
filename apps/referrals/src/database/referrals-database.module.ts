import { Global, Module } from '@nestjs/common';
import { readModelDatabaseProviders, readModelDatabaseUrl } from '@gridcare/nest-event-sourcing';
import { PrismaClient } from '../generated/prisma/client';

export const REFERRALS_POOL = Symbol('REFERRALS_POOL');
export const REFERRALS_SCHEMA = 'referrals';

/** The referrals read models: Prisma for queries, a pg pool for the projections' set-based writes. */
export class ReferralsPrisma extends PrismaClient {}

export function referralsDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return readModelDatabaseUrl('REFERRALS_DATABASE_URL', env);
}

@Global()
@Module({
  // The projections' and the referral policy's transactions each hold one while routing queries run.
  providers: readModelDatabaseProviders({ poolToken: REFERRALS_POOL, prismaClient: ReferralsPrisma, schema: REFERRALS_SCHEMA, url: referralsDatabaseUrl, poolMax: 20 }),
  exports: [REFERRALS_POOL, ReferralsPrisma],
})
export class ReferralsDatabaseModule {}
