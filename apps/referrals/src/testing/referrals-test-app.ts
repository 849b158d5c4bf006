import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventStore } from '@gridcare/event-store';
import { Identity } from '@gridcare/identity';
import { CITY_ADMINISTRATOR, identityAssertionHeaders } from '@gridcare/identity/testing';
import { CLOCK, EVENT_STORE, ManualClock, ProjectionHost } from '@gridcare/nest-event-sourcing';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { Pool } from 'pg';
import { AppModule } from '../app.module';
import { REFERRALS_POOL } from '../database/referrals-database.module';
import { ReferralPolicy } from '../policies/referral.policy';
import { ReferralsProjections } from '../projections/referrals-projections';
import { CityGridSeeding } from '../seed/city-grid-seeding.service';
import { SeedEvent } from '../seed/city-grid-file';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** An event's actor: what the seeding service and other in-process callers act as. */
export interface Actor {
  id: string;
  role: string;
}

/** Who a request acts as: sent as the gateway's signed assertion; `null` sends none (only `headers`). */
export type RequestAs = Identity | null;

export interface ReferralsTestApp {
  app: INestApplication;
  database: TestDatabase;
  clock: ManualClock;
  url: string;
  pool: Pool;
  store: EventStore;
  projections: ReferralsProjections;
  policy: ReferralPolicy;
  /** A request as `identity` (an administrator of the whole city unless said), with any further headers. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, identity?: RequestAs, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The data of a query that must succeed. */
  ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<T>;
  waitForProjections(): Promise<void>;
  /** The referral policy has handled every trigger in the log, and the read models show what it did. */
  settlePolicy(): Promise<void>;
  close(): Promise<void>;
}

export const ADMINISTRATOR: Identity = CITY_ADMINISTRATOR;
export const SEED_ACTOR: Actor = { id: 'seed', role: 'administrator' };

export interface ReferralsTestAppOptions {
  now?: string;
  /** A referral network to seed (through the seeding service) before the test starts. */
  network?: readonly SeedEvent[];
  /** An existing database (a second start on the same log); a fresh one otherwise. */
  database?: TestDatabase;
}

/** The referrals service on a fresh database, over real HTTP, with a clock the test moves. */
export async function startReferralsTestApp(options: ReferralsTestAppOptions = {}): Promise<ReferralsTestApp> {
  const database = options.database ?? (await createTestDatabase());
  process.env.REFERRALS_DATABASE_URL = database.url;
  process.env.EVENT_STORE_DATABASE_URL = database.url;
  const clock = new ManualClock(new Date(options.now ?? '2026-01-15T09:00:00+08:00'));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const host = app.get(ProjectionHost);
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}, identity: RequestAs = ADMINISTRATOR, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> => {
    const asserted = identity ? await identityAssertionHeaders(identity) : {};
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asserted, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  const testApp: ReferralsTestApp = {
    app,
    database,
    clock,
    url,
    pool: app.get(REFERRALS_POOL),
    store: app.get(EVENT_STORE),
    projections: app.get(ReferralsProjections),
    policy: app.get(ReferralPolicy),
    graphql,
    async ok<T>(query: string, variables?: Record<string, unknown>, identity?: Identity) {
      const response = await graphql<T>(query, variables, identity);
      if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
      return response.data as T;
    },
    waitForProjections: () => host.waitUntilCaughtUp(),
    async settlePolicy() {
      await app.get(ReferralPolicy).waitUntilCaughtUp();
      await host.waitUntilCaughtUp();
    },
    async close() {
      await app.close();
      if (!options.database) await database.drop();
      delete process.env.REFERRALS_DATABASE_URL;
      delete process.env.EVENT_STORE_DATABASE_URL;
    },
  };
  if (options.network) {
    await app.get(CityGridSeeding).seed(options.network, { actor: SEED_ACTOR });
    await testApp.waitForProjections();
  }
  return testApp;
}
