import { defineConfig, env } from 'prisma/config';

// `prisma migrate deploy` in production: RESIDENTS_DATABASE_URL carries `?schema=residents`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: env('RESIDENTS_DATABASE_URL') },
});
