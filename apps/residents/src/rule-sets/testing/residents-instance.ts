import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CLOCK, ManualClock, ProjectionHost } from '@gridcare/nest-event-sourcing';
import { TestDatabase } from '@gridcare/postgres';
import { AppModule } from '../../app.module';
import { Identity } from '@gridcare/identity';
import { ADMINISTRATOR, GraphQLResponse, graphqlAs } from '../../testing/residents-test-app';
import { TriageRollouts } from '../triage-rollouts.service';

/** One residents service instance; a restart is a new instance on the same database. */
export interface ResidentsInstance {
  app: INestApplication;
  rollouts: TriageRollouts;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, identity?: Identity): Promise<GraphQLResponse<T>>;
  waitForProjections(): Promise<void>;
  /** Closes it; a second call waits for the first. */
  stop(): Promise<void>;
}

/** Starts an instance on `database` (the test drops it): several may run at once, as in production. */
export async function startResidentsInstance(database: TestDatabase, clock: ManualClock): Promise<ResidentsInstance> {
  process.env.RESIDENTS_DATABASE_URL = database.url;
  process.env.EVENT_STORE_DATABASE_URL = database.url;
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  let stopped: Promise<void> | undefined;
  return {
    app,
    rollouts: app.get(TriageRollouts),
    graphql: (query, variables = {}, identity = ADMINISTRATOR) => graphqlAs<never>(url, query, variables, identity),
    waitForProjections: () => app.get(ProjectionHost).waitUntilCaughtUp(),
    stop: () => (stopped ??= app.close()),
  };
}
