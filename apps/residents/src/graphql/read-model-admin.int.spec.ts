import { CITY_AUDITOR } from '@gridcare/identity/testing';
import { Pool } from 'pg';
import { RESIDENTS_POOL } from '../database/residents-database.module';
import { nationalId, registration } from '../testing/resident-fixtures';
import { residentRows } from '../testing/resident-read-model';
import { ADMINISTRATOR, ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { WORKER } from '../testing/test-identities';

const READ_MODELS = `{ residentsReadModels { name tables checkpoint caughtUp lastError rebuild { state phase eventsApplied percent requestedBy startedAt finishedAt error } } }`;
const REBUILD = `mutation ($name: String!) { rebuildResidentsReadModel(name: $name) { name rebuild { state phase requestedBy } } }`;

interface ReadModelView {
  name: string;
  tables: string[];
  checkpoint: string | null;
  caughtUp: boolean;
  rebuild: { state: string; phase: string; eventsApplied: number; percent: number; requestedBy: string; finishedAt: string | null; error: string | null } | null;
}

describe('residents read models: listed and rebuilt by an administrator', () => {
  let service: ResidentsTestApp;
  let pool: Pool;

  beforeAll(async () => {
    service = await startResidentsTestApp();
    pool = service.app.get(RESIDENTS_POOL);
    for (let i = 0; i < 12; i++) {
      const response = await service.graphql(`mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`, {
        input: registration({ nationalId: nationalId('1958-03-12', 100 + i * 2), fullName: `Resident ${i}` }),
      });
      expect(response.errors).toBeUndefined();
    }
    await service.waitForProjections();
  });
  afterAll(async () => {
    await service.close();
  });

  const readModels = async () => {
    const response = await service.graphql<{ residentsReadModels: ReadModelView[] }>(READ_MODELS);
    expect(response.errors).toBeUndefined();
    return response.data!.residentsReadModels;
  };

  it('lists every read model with its tables and how far it has read the log', async () => {
    const listed = await readModels();
    expect(listed.map((readModel) => readModel.name).sort()).toEqual(['follow-up-worklist', 'resident-care', 'resident-supplies', 'residents-registry', 'triage-decisions', 'triage-rule-sets']);
    expect(listed.find((readModel) => readModel.name === 'residents-registry')).toMatchObject({ tables: ['residents', 'tier_counts'], caughtUp: true, rebuild: null });
    expect(listed.every((readModel) => /^\d+\/\d+$/.test(readModel.checkpoint ?? ''))).toBe(true);
  });

  it('is for city administrators only', async () => {
    for (const identity of [WORKER, CITY_AUDITOR]) {
      expect((await service.graphql(READ_MODELS, {}, identity)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await service.graphql(REBUILD, { name: 'residents-registry' }, identity)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a read model it does not have', async () => {
    const response = await service.graphql(REBUILD, { name: 'residents' });
    expect(response.errors?.[0]).toMatchObject({ message: expect.stringContaining('residents-registry'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('rebuilds in the background, reports its progress, refuses a second rebuild meanwhile, and ends with the same rows', async () => {
    const before = await residentRows(pool);
    const answers = await Promise.all([1, 2].map(() => service.graphql<{ rebuildResidentsReadModel: ReadModelView }>(REBUILD, { name: 'residents-registry' })));
    // Whichever the service took first started the rebuild; the other is refused.
    const started = answers.find((answer) => !answer.errors)!;
    const second = answers.find((answer) => answer.errors)!;
    expect(started).toBeDefined();
    expect(started.data!.rebuildResidentsReadModel.rebuild).toMatchObject({ state: 'RUNNING', requestedBy: ADMINISTRATOR.actorId });
    expect(second.errors?.[0]).toMatchObject({ message: 'read model residents-registry is being rebuilt already', extensions: { code: 'CONFLICT' } });

    let registry: ReadModelView | undefined;
    for (let attempt = 0; attempt < 100; attempt++) {
      registry = (await readModels()).find((readModel) => readModel.name === 'residents-registry');
      if (registry?.rebuild?.state !== 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(registry?.rebuild).toMatchObject({ state: 'COMPLETED', phase: 'done', percent: 100, eventsApplied: 24, error: null, finishedAt: expect.any(String) });
    expect(await residentRows(pool)).toEqual(before);
  });
});
