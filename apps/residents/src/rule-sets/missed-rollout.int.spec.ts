import { randomUUID } from 'node:crypto';
import { EventStore, RecordedEvent } from '@gridcare/event-store';
import { EVENT_STORE, ManualClock } from '@gridcare/nest-event-sourcing';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { TRIAGE_RULE_SET_STREAM } from '@gridcare/residents-contracts';
import { defaultTriageRuleSet, loadTriageRuleSet } from '@gridcare/residents-domain';
import { nationalId, registration } from '../testing/resident-fixtures';
import { ResidentsInstance, startResidentsInstance } from './testing/residents-instance';

const REGISTER = `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id tier } }`;
const ROLLOUT = `query ($version: String!) { triageRollout(version: $version) { status residentsTotal processed retriaged } }`;
const DECISIONS = `query ($id: ID!) { resident(id: $id) { tier triageDecisions { trigger triggerSourceEventId tier previousTier ruleSet { version } } } }`;
const DEFAULT_VERSION = defaultTriageRuleSet().document.version;

interface Resident {
  id: string;
  tier: string;
}
interface Decisions {
  tier: string;
  triageDecisions: { trigger: string; triggerSourceEventId: string | null; tier: string; previousTier: string | null; ruleSet: { version: string } }[];
}

async function register(service: ResidentsInstance, birthDate: string, sequence: number): Promise<Resident> {
  const input = registration({ nationalId: nationalId(birthDate, sequence), birthDate, livingAlone: false, conditions: [] });
  const response = await service.graphql<{ registerResident: Resident }>(REGISTER, { input });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.registerResident;
}

/** Appends a publication the way the service does, and nothing else: as if it died right after. */
async function publishWithoutRollout(service: ResidentsInstance, version: string): Promise<RecordedEvent> {
  const document = structuredClone(defaultTriageRuleSet().document) as { version: string; rules: { id: string; tier: string }[] };
  document.version = version;
  document.rules = document.rules.map((rule) => (rule.id === 'elderly' ? { ...rule, tier: 'red' } : rule));
  const store = service.app.get<EventStore>(EVENT_STORE);
  const [current] = await store.readStream(TRIAGE_RULE_SET_STREAM, { direction: 'backwards', maxCount: 1 });
  const id = randomUUID();
  const event = {
    id,
    type: 'TriageRuleSetPublished',
    schemaVersion: 1,
    data: { ruleSet: document, hash: loadTriageRuleSet(document).hash },
    metadata: { correlationId: id, causationId: null, actor: { id: 'rules-editor', role: 'administrator' } },
  };
  await store.appendToStream(TRIAGE_RULE_SET_STREAM, [event], { expectedRevision: current.revision });
  const [published] = await store.readStream(TRIAGE_RULE_SET_STREAM, { direction: 'backwards', maxCount: 1 });
  return published;
}

async function decisionsOf(service: ResidentsInstance, resident: Resident): Promise<Decisions> {
  const response = await service.graphql<{ resident: Decisions }>(DECISIONS, { id: resident.id });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.resident;
}

async function rolloutOf(service: ResidentsInstance, version: string): Promise<unknown> {
  return (await service.graphql<{ triageRollout: unknown }>(ROLLOUT, { version })).data?.triageRollout;
}

/** How many decisions the rollouts recorded for a resident. */
async function rolloutTriggers(service: ResidentsInstance, resident: Resident): Promise<number> {
  return (await decisionsOf(service, resident)).triageDecisions.filter((decision) => decision.trigger === 'rule-set-published').length;
}

describe('a rule set published just before the service stopped is rolled out when it starts again', () => {
  const clock = new ManualClock(new Date('2026-01-15T09:00:00+08:00'));
  let database: TestDatabase;
  const instances: ResidentsInstance[] = [];

  async function start(): Promise<ResidentsInstance> {
    const instance = await startResidentsInstance(database, clock);
    instances.push(instance);
    return instance;
  }

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(instances.splice(0).map((instance) => instance.stop()));
    await database.drop();
    delete process.env.RESIDENTS_DATABASE_URL;
    delete process.env.EVENT_STORE_DATABASE_URL;
  });

  it('re-triages the residents whose tier the new rule set changes and finishes the rollout', async () => {
    const first = await start();
    const elderly = await register(first, '1959-05-05', 612);
    const alsoElderly = await register(first, '1955-07-07', 618);
    const adult = await register(first, '1986-05-05', 614);
    expect([elderly.tier, alsoElderly.tier, adult.tier]).toEqual(['YELLOW', 'YELLOW', 'GREEN']);
    const published = await publishWithoutRollout(first, '2026.2');
    await first.stop();

    const restarted = await start();
    await restarted.rollouts.finished('2026.2');

    expect(await rolloutOf(restarted, '2026.2')).toEqual({ status: 'finished', residentsTotal: 3, processed: 3, retriaged: 2 });
    await restarted.waitForProjections();
    for (const resident of [elderly, alsoElderly]) {
      const { tier, triageDecisions } = await decisionsOf(restarted, resident);
      expect(tier).toBe('RED');
      expect(triageDecisions[0]).toEqual({
        trigger: 'rule-set-published',
        triggerSourceEventId: published.id,
        tier: 'RED',
        previousTier: 'YELLOW',
        ruleSet: { version: '2026.2' },
      });
    }
    expect(await rolloutTriggers(restarted, adult)).toBe(0);
    // The default, the service's very first rule set, still needs no rollout.
    expect(await rolloutOf(restarted, DEFAULT_VERSION)).toBeNull();
  });

  it('is rolled out once when several instances start at once', async () => {
    const first = await start();
    const residents = [await register(first, '1959-05-05', 612), await register(first, '1955-07-07', 618), await register(first, '1986-05-05', 614)];
    await publishWithoutRollout(first, '2026.2');
    await first.stop();

    const restarted = await Promise.all([start(), start(), start()]);
    await Promise.all(restarted.map((instance) => instance.rollouts.finished('2026.2')));

    // One instance ran it: each resident was processed once.
    expect(await rolloutOf(restarted[0], '2026.2')).toEqual({ status: 'finished', residentsTotal: 3, processed: 3, retriaged: 2 });
    await Promise.all(restarted.map((instance) => instance.waitForProjections()));
    expect(await Promise.all(residents.map((resident) => rolloutTriggers(restarted[0], resident)))).toEqual([1, 1, 0]);
  });

  it('starts no rollout for the first rule set, published on an empty log', async () => {
    const first = await start();
    await first.rollouts.finished(DEFAULT_VERSION);
    await first.stop();
    const restarted = await start();
    await restarted.rollouts.finished(DEFAULT_VERSION);
    expect(await rolloutOf(restarted, DEFAULT_VERSION)).toBeNull();
  });
});
