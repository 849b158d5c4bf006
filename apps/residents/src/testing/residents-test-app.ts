import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { CLOCK, ManualClock, ProjectionHost } from '@gridcare/nest-event-sourcing';
import { Identity } from '@gridcare/identity';
import { CITY_ADMINISTRATOR, identityAssertionHeaders } from '@gridcare/identity/testing';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { AppModule } from '../app.module';
import { useResidentsJsonBodyLimit } from '../json-body-limit';
import { ResidentsProjections } from '../projections/residents-projections';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface ResidentsTestApp {
  app: INestApplication;
  database: TestDatabase;
  clock: ManualClock;
  url: string;
  projections: ResidentsProjections;
  /** As the gateway would send it for `identity` (signed with the development gateway key); the city's administrator by default. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<GraphQLResponse<T>>;
  waitForProjections(): Promise<void>;
  close(): Promise<void>;
}

export const ADMINISTRATOR: Identity = CITY_ADMINISTRATOR;

/** A GraphQL request to `url` as `identity`. */
export async function graphqlAs<T>(url: string, query: string, variables: Record<string, unknown>, identity: Identity): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await identityAssertionHeaders(identity)) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The residents service on a fresh database, over real HTTP, with a clock the test moves. */
export async function startResidentsTestApp(now = '2026-01-15T09:00:00+08:00'): Promise<ResidentsTestApp> {
  const database = await createTestDatabase();
  const previousUrl = process.env.DATABASE_URL;
  process.env.RESIDENTS_DATABASE_URL = database.url;
  process.env.EVENT_STORE_DATABASE_URL = database.url;
  const clock = new ManualClock(new Date(now));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  useResidentsJsonBodyLimit(app);
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const projections = app.get(ResidentsProjections);
  const host = app.get(ProjectionHost);
  return {
    app,
    database,
    clock,
    url,
    projections,
    graphql: (query, variables = {}, identity = ADMINISTRATOR) => graphqlAs<never>(url, query, variables, identity),
    waitForProjections: () => host.waitUntilCaughtUp(),
    async close() {
      await app.close();
      await database.drop();
      delete process.env.RESIDENTS_DATABASE_URL;
      delete process.env.EVENT_STORE_DATABASE_URL;
      if (previousUrl) process.env.DATABASE_URL = previousUrl;
    },
  };
}
