import { Global, Module } from '@nestjs/common';
import { readModelDatabaseProviders, readModelDatabaseUrl } from '@gridcare/nest-event-sourcing';
import { PrismaClient } from '../generated/prisma/client';

export const RESIDENTS_POOL = Symbol('RESIDENTS_POOL');
export const RESIDENTS_SCHEMA = 'residents';

/** The residents read models: Prisma for queries, a pg pool for the projections' set-based writes. */
export class ResidentsPrisma extends PrismaClient {}

export function residentsDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return readModelDatabaseUrl('RESIDENTS_DATABASE_URL', env);
}

@Global()
@Module({
  // Every projection holds a connection while it applies a batch.
  providers: readModelDatabaseProviders({ poolToken: RESIDENTS_POOL, prismaClient: ResidentsPrisma, schema: RESIDENTS_SCHEMA, url: residentsDatabaseUrl, poolMax: 10 }),
  exports: [RESIDENTS_POOL, ResidentsPrisma],
})
export class ResidentsDatabaseModule {}
