import { defineConfig, env } from 'prisma/config';

// `prisma migrate deploy` in production: EVENT_STORE_DATABASE_URL carries `?schema=event_store`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: env('EVENT_STORE_DATABASE_URL') },
});
