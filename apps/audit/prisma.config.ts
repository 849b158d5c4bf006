import { defineConfig, env } from 'prisma/config';

// `prisma migrate deploy` in production: AUDIT_DATABASE_URL carries `?schema=audit`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: env('AUDIT_DATABASE_URL') },
});
