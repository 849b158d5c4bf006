import { defineConfig, env } from 'prisma/config';

// `prisma migrate deploy` in production: REFERRALS_DATABASE_URL carries `?schema=referrals`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: env('REFERRALS_DATABASE_URL') },
});
