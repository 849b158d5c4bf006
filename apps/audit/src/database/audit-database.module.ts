import { Global, Module } from '@nestjs/common';
import { readModelDatabaseProviders, readModelDatabaseUrl } from '@gridcare/nest-event-sourcing';
import { PrismaClient } from '../generated/prisma/client';

export const AUDIT_POOL = Symbol('AUDIT_POOL');
export const AUDIT_SCHEMA = 'audit';

/** The audit read models: a pg pool for the index's writes and keyset reads; Prisma for the rest. */
export class AuditPrisma extends PrismaClient {}

export function auditDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return readModelDatabaseUrl('AUDIT_DATABASE_URL', env);
}

@Global()
@Module({
  providers: readModelDatabaseProviders({ poolToken: AUDIT_POOL, prismaClient: AuditPrisma, schema: AUDIT_SCHEMA, url: auditDatabaseUrl, poolMax: 10 }),
  exports: [AUDIT_POOL, AuditPrisma],
})
export class AuditDatabaseModule {}
