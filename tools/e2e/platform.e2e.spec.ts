// End to end, over HTTP through the gateway, with every service a real process from its build:
// a resident's journey from registration to an accepted referral, the scoping of workers,
// desks and auditors, the demo city loader, and the graph when a service is down.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Identity, issueAccessToken } from '@gridcare/identity';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { createCityGrid } from '../referrals/city-grid';
import { cityGridJsonLines } from '../referrals/generate-city-grid';
import { buildNationalId } from '../census/national-id';
import { demoArea, DEMO_RESIDENTS } from '../demo/demo-city';
import { cityDate, loadDemoCity } from '../demo/load-demo-city';
import { PlatformProcess, runCommand, startProcess, writeNetworkFile } from './platform-processes';

interface Answer<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

const area = demoArea();
const HOME = area.communities[0];
const ELSEWHERE = area.communities[1];
const GRID = HOME.gridId;
const worker = (actorId: string, communityId: string): Identity => ({ actorId, role: 'community_worker', jurisdiction: { level: 'community', ids: [communityId] } });
const WORKER_HOME = worker('worker-e2e-home', HOME.id);
const WORKER_ELSEWHERE = worker('worker-e2e-elsewhere', ELSEWHERE.id);
const AUDITOR: Identity = { actorId: 'auditor-e2e', role: 'auditor', jurisdiction: { level: 'city' } };
const ADMINISTRATOR: Identity = { actorId: 'admin-e2e', role: 'administrator', jurisdiction: { level: 'city' } };
const deskOf = (facilityId: string): Identity => ({ actorId: `desk-${facilityId}`, role: 'referral_desk', jurisdiction: { level: 'city' }, facilityId });

jest.setTimeout(180_000);

describe('the platform end to end, through the gateway', () => {
  let database: TestDatabase;
  let residents: PlatformProcess;
  let referrals: PlatformProcess;
  let audit: PlatformProcess;
  let gateway: PlatformProcess;
  let journeyResidentId: string;

  async function ask<T>(identity: Identity | null, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (identity) headers.authorization = `Bearer ${await issueAccessToken(identity)}`;
    const response = await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
  }
  async function ok<T>(identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await ask<T>(identity, query, variables);
    if (answer.errors?.length || !answer.data) throw new Error(`${identity.role}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }
  async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const codes = (answer: Answer<unknown>) => (answer.errors ?? []).map((error) => error.extensions?.code);

  beforeAll(async () => {
    database = await createTestDatabase();
    // The referral network of the demo's grid only: quick to seed, and where the residents live.
    const city = createCityGrid(42);
    const network = writeNetworkFile(
      join(mkdtempSync(join(tmpdir(), 'gridcare-e2e-')), 'network.jsonl'),
      cityGridJsonLines({ ...city, facilities: city.facilities.filter((facility) => facility.gridId === GRID), grids: city.grids.filter((grid) => grid.gridId === GRID) }),
    );
    const env = { DATABASE_URL: database.url, NODE_ENV: 'development' };
    [residents, referrals, audit] = await Promise.all([
      startProcess('residents', env),
      startProcess('referrals', { ...env, GRIDCARE_SEED_CITY_GRID: 'true', GRIDCARE_CITY_GRID_FILE: network }),
      startProcess('audit', env),
    ]);
    gateway = await startProcess('gateway', { RESIDENTS_URL: residents.url, REFERRALS_URL: referrals.url, AUDIT_URL: audit.url });
  });

  afterAll(async () => {
    for (const process of [gateway, audit, referrals, residents]) await process?.stop();
    await database?.drop();
  });

  it('refuses a request without a token', async () => {
    const answer = await ask(null, '{ grids { id } }');
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('follows a resident from registration to a referral the policy opened, accepted by the desk', async () => {
    const today = cityDate(new Date());
    const { registerResident } = await ok<{ registerResident: { id: string; tier: string; triageDecisions: { firedRules: { id: string }[]; actor: { id: string; role: string } }[] } }>(
      WORKER_HOME,
      `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id tier triageDecisions { firedRules { id } actor { id role } } } }`,
      {
        input: {
          nationalId: buildNationalId(area.regionCode, '19500314', 21),
          fullName: 'Gao Shulan',
          sex: 'FEMALE',
          birthDate: '1950-03-14',
          phone: '13900000021',
          jurisdiction: { districtId: area.districtId, streetId: area.streetId, communityId: HOME.id },
          gridId: GRID,
          livingAlone: true,
          conditions: [{ code: 'copd', controlled: false }],
          lowImmunity: false,
          pregnant: false,
        },
      },
    );
    const residentId = registerResident.id;
    journeyResidentId = residentId;
    expect(registerResident.tier).toBe('RED');
    expect(registerResident.triageDecisions[0].firedRules.map((rule) => rule.id)).toContain('elderly-with-underlying-disease');
    expect(registerResident.triageDecisions[0].actor).toEqual({ id: WORKER_HOME.actorId, role: 'community_worker' });

    await ok(WORKER_HOME, 'mutation ($input: ReportInfectionInput!) { reportInfection(input: $input) { id } }', {
      input: { residentId, onsetOn: today, basis: 'ANTIGEN_TEST', symptoms: ['FEVER', 'COUGH'] },
    });
    // The policy refers her on the infection; her readings come after (the case as of the referral has none).
    await eventually(async () => {
      const { resident: seen } = await ok<{ resident: { referrals: unknown[] } }>(WORKER_HOME, 'query ($id: ID!) { resident(id: $id) { referrals { id } } }', { id: residentId });
      return seen.referrals.length ? seen : undefined;
    }, 'the referral the policy opens on the infection');
    for (const spo2 of [95, 90]) {
      await ok(WORKER_HOME, 'mutation ($input: RecordSpo2ReadingInput!) { recordSpo2Reading(input: $input) { id } }', {
        input: { residentId, spo2, measuredAt: new Date().toISOString() },
      });
    }
    const { resident } = await ok<{ resident: { tier: string; triageDecisions: { firedRules: { id: string }[] }[] } }>(
      WORKER_HOME,
      'query ($id: ID!) { resident(id: $id) { tier triageDecisions { firedRules { id } } } }',
      { id: residentId },
    );
    expect(resident.tier).toBe('RED');
    // Newest first: the decision the falling reading caused.
    expect(resident.triageDecisions[0].firedRules.map((rule) => rule.id)).toContain('infected-low-spo2');

    // The referral policy (referrals service) learned of the infection from residents' events.
    type Referral = { id: string; status: string; facility: { id: string } | null; requestedBy: string };
    const referral = await eventually(async () => {
      const { resident: seen } = await ok<{ resident: { referrals: Referral[] } }>(WORKER_HOME, 'query ($id: ID!) { resident(id: $id) { referrals { id status facility { id } requestedBy } } }', {
        id: residentId,
      });
      return seen.referrals[0];
    }, 'the referral the policy opens');
    expect(referral.status).toBe('REQUESTED');
    const facilityId = referral.facility!.id;

    // Another facility's desk may not accept it; the routed facility's desk does.
    const otherDesk = await ask(deskOf('not-this-facility'), 'mutation ($r: ID!, $f: ID!) { acceptReferral(referralId: $r, facilityId: $f) { status } }', {
      r: referral.id,
      f: facilityId,
    });
    expect(codes(otherDesk)).toEqual(['FORBIDDEN']);
    const { acceptReferral } = await ok<{ acceptReferral: { status: string } }>(deskOf(facilityId), 'mutation ($r: ID!, $f: ID!) { acceptReferral(referralId: $r, facilityId: $f) { status } }', {
      r: referral.id,
      f: facilityId,
    });
    expect(acceptReferral.status).toBe('ACCEPTED');

    // A worker of another community neither sees nor changes her.
    const peek = await ask<{ resident: unknown }>(WORKER_ELSEWHERE, 'query ($id: ID!) { resident(id: $id) { fullName } }', { id: residentId });
    expect(codes(peek)).toEqual(['FORBIDDEN']);
    expect(peek.data?.resident ?? null).toBeNull();
    const meddle = await ask(WORKER_ELSEWHERE, 'mutation ($input: RecordSpo2ReadingInput!) { recordSpo2Reading(input: $input) { id } }', {
      input: { residentId, spo2: 99, measuredAt: new Date().toISOString() },
    });
    expect(codes(meddle)).toEqual(['FORBIDDEN']);

    // An auditor reads her case, without her personal data, and may change nothing.
    const { resident: audited } = await ok<{ resident: { fullName: string; nationalId: string | null; phone: string | null; referrals: { status: string }[] } }>(
      AUDITOR,
      'query ($id: ID!) { resident(id: $id) { fullName nationalId phone referrals { status } } }',
      { id: residentId },
    );
    expect(audited).toEqual({ fullName: 'Gao Shulan', nationalId: null, phone: null, referrals: [{ status: 'ACCEPTED' }] });
    const auditorWrites = await ask(AUDITOR, 'mutation ($id: ID!) { requestRetriage(residentId: $id) { id } }', { id: residentId });
    expect(codes(auditorWrites)).toEqual(['FORBIDDEN']);
  });

  it("gives auditors the resident's case history across services, in log order, with actors, reasons and causes, and logs the read", async () => {
    type Entry = { type: string; actor: { id: string; role: string }; summary: string; why: Record<string, unknown> | null; causedBy: { type: string }[]; raw: { data: { residentId?: string } } | null };
    const query = `query ($id: ID!, $after: String) { caseHistory(residentId: $id, first: 4, after: $after) {
      entries { position type actor { id role } summary why causedBy { type } raw { data } } pageInfo { hasNextPage endCursor } } }`;
    const entries = await eventually(async () => {
      const all: Entry[] = [];
      let after: string | null = null;
      for (;;) {
        type Page = { entries: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        const caseHistory: Page = (await ok<{ caseHistory: Page }>(AUDITOR, query, { id: journeyResidentId, after })).caseHistory;
        all.push(...caseHistory.entries);
        if (!caseHistory.pageInfo.hasNextPage) break;
        after = caseHistory.pageInfo.endCursor;
      }
      return all.some((entry) => entry.type === 'ReferralAccepted') ? all : undefined;
    }, 'the case history to reach the acceptance');
    const types = entries.map((entry) => entry.type);
    // Residents' and referrals' events, interleaved in log order.
    expect(types.indexOf('ResidentRegistered')).toBe(0);
    expect(types.indexOf('InfectionReported')).toBeGreaterThan(types.indexOf('ResidentTriaged'));
    // The policy referred her on the infection (elderly with an uncontrolled disease), before any reading.
    expect(types.indexOf('ReferralRequested')).toBeGreaterThan(types.indexOf('InfectionReported'));
    expect(types.indexOf('ReferralAccepted')).toBeGreaterThan(types.indexOf('ReferralRequested'));
    const triage = entries.find((entry) => entry.type === 'ResidentTriaged')!;
    expect(triage.actor).toEqual({ id: WORKER_HOME.actorId, role: 'community_worker' });
    expect(triage.summary).toMatch(/^triaged RED/);
    expect(triage.why).toMatchObject({ ruleSet: { id: expect.any(String), version: expect.any(String), hash: expect.any(String) }, firedRules: expect.any(Array) });
    const requested = entries.find((entry) => entry.type === 'ReferralRequested')!;
    expect(requested.actor.role).toBe('system');
    expect(requested.summary).toMatch(/^referral requested: .+ by [a-z-]+; rules fired: [a-z]/);
    expect(requested.why).toMatchObject({ policy: { id: expect.any(String) }, appliedRule: expect.any(String) });
    expect(requested.causedBy.length).toBeGreaterThan(0);
    expect(entries.find((entry) => entry.type === 'ReferralAccepted')!.actor.role).toBe('referral_desk');
    expect(entries.every((entry) => entry.raw !== null)).toBe(true);

    // Her case as of three moments, folded with the services' own deciders.
    type CaseAsOf = { tier: string | null; infected: boolean; latestSpo2: number | null; openReferrals: { status: string }[] };
    const asOf = async (position: string) =>
      (
        await ok<{ caseAsOf: CaseAsOf }>(AUDITOR, 'query ($id: ID!, $p: String) { caseAsOf(residentId: $id, position: $p) { tier infected latestSpo2 openReferrals { status } } }', {
          id: journeyResidentId,
          p: position,
        })
      ).caseAsOf;
    const positionOf = (type: string) => (entries as unknown as { type: string; position: string }[]).find((entry) => entry.type === type)!.position;
    expect(await asOf(positionOf('ResidentTriaged'))).toEqual({ tier: 'RED', infected: false, latestSpo2: null, openReferrals: [] });
    expect(await asOf(positionOf('ReferralRequested'))).toEqual({ tier: 'RED', infected: true, latestSpo2: null, openReferrals: [{ status: 'requested' }] });
    expect(await asOf(positionOf('ReferralAccepted'))).toEqual({ tier: 'RED', infected: true, latestSpo2: 90, openReferrals: [{ status: 'accepted' }] });

    // Only auditors; and the reads are in the access log, the worker's reading of her phone too.
    expect(codes(await ask(WORKER_HOME, query, { id: journeyResidentId, after: null }))).toEqual(['FORBIDDEN']);
    await ok(WORKER_HOME, 'query ($id: ID!) { resident(id: $id) { phone } }', { id: journeyResidentId });
    type LogEntry = { actor: { id: string; role: string }; action: string; residentId: string };
    const accessLog = await eventually(async () => {
      const { accessLog: log } = await ok<{ accessLog: { entries: LogEntry[] } }>(
        AUDITOR,
        'query ($id: ID) { accessLog(residentId: $id) { entries { actor { id role } action residentId } } }',
        { id: journeyResidentId },
      );
      return log.entries.some((entry) => entry.action.startsWith('personal-data')) ? log : undefined;
    }, "the worker's reading in the access log");
    expect(accessLog.entries).toEqual(
      expect.arrayContaining([
        { actor: { id: AUDITOR.actorId, role: 'auditor' }, action: 'case-history', residentId: journeyResidentId },
        { actor: { id: AUDITOR.actorId, role: 'auditor' }, action: 'case-as-of', residentId: journeyResidentId },
        { actor: { id: WORKER_HOME.actorId, role: 'community_worker' }, action: 'personal-data:phone', residentId: journeyResidentId },
      ]),
    );

    // An administrator rebuilds the case history from the log through the gateway; the auditor reads the same history after.
    const firstPage = async () => (await ok<{ caseHistory: unknown }>(AUDITOR, query, { id: journeyResidentId, after: null })).caseHistory;
    const before = await firstPage();
    type ReadModel = { name: string; rebuild: { state: string; percent: number; error: string | null } | null };
    const started = await ok<{ rebuildAuditReadModel: ReadModel }>(ADMINISTRATOR, 'mutation { rebuildAuditReadModel(name: "case-history") { name rebuild { state percent error } } }');
    expect(started.rebuildAuditReadModel).toMatchObject({ name: 'case-history', rebuild: { state: 'RUNNING' } });
    const rebuilt = await eventually(async () => {
      const { auditReadModels } = await ok<{ auditReadModels: ReadModel[] }>(ADMINISTRATOR, '{ auditReadModels { name rebuild { state percent error } } }');
      const caseHistory = auditReadModels.find((readModel) => readModel.name === 'case-history');
      return caseHistory?.rebuild?.state === 'RUNNING' ? undefined : caseHistory;
    }, 'the case-history rebuild to end');
    expect(rebuilt.rebuild).toEqual({ state: 'COMPLETED', percent: 100, error: null });
    expect(await firstPage()).toEqual(before);
    expect(codes(await ask(AUDITOR, '{ auditReadModels { name } }'))).toEqual(['FORBIDDEN']);
  });

  it('loads the demo city through the gateway: every tier, and a referral opened by the policy', async () => {
    const loaded = await loadDemoCity(gateway.url, () => undefined);
    expect(loaded.residents).toHaveLength(DEMO_RESIDENTS.length);
    expect(new Set(loaded.residents.map((resident) => resident.tier))).toEqual(new Set(['RED', 'YELLOW', 'GREEN']));
    expect(loaded.referral?.status).toBe('REQUESTED');
    const { workerWorklist } = await ok<{ workerWorklist: { edges: { node: { fullName: string } }[] } }>(
      worker('worker-demo-1', HOME.id),
      '{ workerWorklist(workerId: "worker-demo-1") { edges { node { fullName } } } }',
    );
    expect(workerWorklist.edges.map((edge) => edge.node.fullName)).toContain('Zhang Guilan');
  });

  it('rebuilds read models with the command while the services keep answering, into the same rows', async () => {
    const residentsQuery = `{ tierCounts(level: DISTRICT) { areaId red yellow green total } }`;
    const before = await ok(ADMINISTRATOR, residentsQuery);
    const rebuilt = await runCommand(['dist/apps/residents/apps/residents/src/rebuild-read-models.cli.js', 'residents-registry', 'follow-up-worklist'], { DATABASE_URL: database.url });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.output).toMatch(/residents-registry: [\d,]+ events in [\d.]+ s \([\d,]+ events\/s\); tables switched in \d+ ms/);
    expect(rebuilt.output).toMatch(/follow-up-worklist: [\d,]+ events/);
    expect(await ok(ADMINISTRATOR, residentsQuery)).toEqual(before);
    const unknown = await runCommand(['dist/apps/referrals/apps/referrals/src/rebuild-read-models.cli.js', 'no-such-read-model'], { DATABASE_URL: database.url });
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('read models: referral-network, referrals, emergency-observations, resident-facts');
  });

  it("still answers the residents' fields when the referrals service is down, saying which service failed", async () => {
    const { residents: page } = await ok<{ residents: { edges: { node: { id: string } }[] } }>(ADMINISTRATOR, `{ residents(filter: { communityId: "${HOME.id}" }, first: 1) { edges { node { id } } } }`);
    await referrals.stop();
    const answer = await ask<{ resident: { fullName: string; referrals: unknown } }>(ADMINISTRATOR, 'query ($id: ID!) { resident(id: $id) { fullName referrals { id } } }', {
      id: page.edges[0].node.id,
    });
    expect(answer.data?.resident.fullName).toEqual(expect.any(String));
    expect(answer.data?.resident.referrals).toBeNull();
    expect(answer.errors?.map((error) => error.extensions)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'referrals' }]);
  });
});
