import { actorOfIdentity } from '@gridcare/identity';
import { CITY_AUDITOR, communityWorker } from '@gridcare/identity/testing';
import { randomUUID } from 'node:crypto';
import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentStream } from '@gridcare/residents-contracts';
import { DoseAdministered, DoseKind, vaccinationStream } from '@gridcare/vaccination-contracts';
import { Pool } from 'pg';
import { RESIDENTS_POOL } from '../database/residents-database.module';
import { VaccinationStatusPolicy } from '../policies/vaccination-status.policy';
import { nationalId, registration } from '../testing/resident-fixtures';
import { comparableRow, expectedResidentRow, residentRows, TIER_COUNTS, TIER_COUNTS_FROM_ROWS } from '../testing/resident-read-model';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { D05_COMMUNITIES, DOCTOR, VACCINATOR } from '../testing/test-identities';

const REGISTER = `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id tier } }`;
const CORRECT = `mutation ($input: CorrectResidentInput!) { correctResident(input: $input) { id tier } }`;
const MOVE = `mutation ($input: MoveResidentInput!) { moveResident(input: $input) { id tier } }`;
const OVERRIDE = `mutation ($input: OverrideTierInput!) { overrideTier(input: $input) { id tier tierOverridden } }`;
const RETRIAGE = `mutation ($id: ID!) { requestRetriage(residentId: $id) { id tier } }`;

const AREAS = [
  { districtId: 'd01', streetId: 'd01-s001', communityId: 'd01-s001-c001' },
  { districtId: 'd01', streetId: 'd01-s001', communityId: 'd01-s001-c002' },
  { districtId: 'd01', streetId: 'd01-s002', communityId: 'd01-s002-c001' },
  { districtId: 'd02', streetId: 'd02-s001', communityId: 'd02-s001-c001' },
  { districtId: 'd05', streetId: 'd05-s003', communityId: 'd05-s003-c012' },
];
/** A worker of every community the spec registers residents in. */
const WORKER = communityWorker('chen-yawen', ...AREAS.map((area) => area.communityId), ...D05_COMMUNITIES);
const BIRTH_YEARS = [1935, 1942, 1950, 1958, 1961, 1966, 1972, 1980, 1988, 1995, 2001, 2010, 2018, 2024];
const CONDITIONS = [
  [],
  [{ code: 'hypertension', controlled: true }],
  [{ code: 'copd', controlled: false }],
  [{ code: 'diabetes', controlled: false }],
  [
    { code: 'heart-failure', controlled: true },
    { code: 'hypertension', controlled: true },
  ],
];
const pad = (n: number) => String(n).padStart(2, '0');

/** Thirty residents of every age, sex and risk, spread over five communities and four grids. */
function residents() {
  return Array.from({ length: 30 }, (_, i) => {
    const year = BIRTH_YEARS[i % BIRTH_YEARS.length];
    const birthDate = `${year}-${pad(1 + (i % 12))}-${pad(1 + ((i * 7) % 28))}`;
    const male = i % 2 === 1;
    return registration({
      nationalId: nationalId(birthDate, 100 + i * 2 + (male ? 1 : 0)),
      fullName: `Resident ${i}`,
      sex: male ? 'MALE' : 'FEMALE',
      birthDate,
      phone: i % 5 === 4 ? null : `1380000${String(i).padStart(4, '0')}`,
      jurisdiction: AREAS[i % AREAS.length],
      gridId: `g0${1 + (i % 4)}`,
      livingAlone: i % 4 === 0,
      familyDoctorId: i % 3 === 0 ? null : `fd-${i % 5}`,
      conditions: CONDITIONS[i % CONDITIONS.length],
      lowImmunity: i % 7 === 3,
      pregnant: !male && year >= 1988 && year <= 2001 && i % 3 === 0,
    });
  });
}

describe('residents read models: rebuilt from the log', () => {
  let service: ResidentsTestApp;
  let pool: Pool;
  let store: EventStore;
  const ids: string[] = [];

  async function ok<T>(query: string, variables: Record<string, unknown>, actor = WORKER): Promise<T> {
    const response = await service.graphql<T>(query, variables, actor);
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  async function snapshot() {
    return {
      residents: await residentRows(pool),
      tierCounts: (await pool.query(TIER_COUNTS)).rows,
      triageDecisions: (await pool.query('SELECT * FROM residents.triage_decisions ORDER BY decision_id')).rows,
      ruleSets: (await pool.query('SELECT * FROM residents.triage_rule_sets ORDER BY sequence, version')).rows,
    };
  }

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    pool = service.app.get(RESIDENTS_POOL);
    store = service.app.get(EVENT_STORE);

    const registered = await Promise.all(residents().map((input) => ok<{ registerResident: { id: string; tier: string } }>(REGISTER, { input })));
    ids.push(...registered.map((r) => r.registerResident.id));
    const tiers = registered.map((r) => r.registerResident.tier);

    // Corrections of several kinds, on several residents.
    await ok(CORRECT, { input: { residentId: ids[0], changes: { conditions: [{ code: 'copd', controlled: false }] }, reason: 'diagnosed by the family doctor' } }, DOCTOR);
    await ok(CORRECT, { input: { residentId: ids[4], changes: { lowImmunity: true }, reason: 'on chemotherapy' } }, DOCTOR);
    await ok(CORRECT, { input: { residentId: ids[5], changes: { phone: '13999990000', livingAlone: true }, reason: 'son moved away' } });
    await ok(CORRECT, { input: { residentId: ids[8], changes: { fullName: 'Li Xiaomei' }, reason: 'name misspelt in the census' } });
    await ok(CORRECT, { input: { residentId: ids[13], changes: { conditions: [] }, reason: 'recorded against the wrong person' } }, DOCTOR);
    await ok(CORRECT, { input: { residentId: ids[10], changes: { pregnant: true }, reason: 'pregnancy confirmed' } }, DOCTOR);
    await ok(CORRECT, { input: { residentId: ids[0], changes: { livingAlone: false }, reason: 'daughter moved in' } });
    // One move across districts and grids.
    await ok(MOVE, { input: { residentId: ids[2], jurisdiction: AREAS[3], gridId: 'g04', reason: 'moved to her daughter' } });
    // One override, to a tier other than the one decided.
    await ok(OVERRIDE, { input: { residentId: ids[6], tier: tiers[6] === 'RED' ? 'YELLOW' : 'RED', reason: 'lives on the sixth floor without a lift' } }, DOCTOR);
    await ok(RETRIAGE, { id: ids[11] });

    // Vaccination status, learned from the vaccination service's events.
    const doses: [number, DoseKind, string][] = [
      [1, 'primary', '2025-03-01'],
      [2, 'first-booster', '2025-09-01'],
    ];
    for (const residentId of [ids[1], ids[4], ids[7]]) {
      for (const [doseNumber, doseKind, administeredOn] of doses) {
        const event = DoseAdministered.create({ doseId: randomUUID(), residentId, product: 'CoronaVac', doseKind, doseNumber, administeredOn, site: 'CHSC' });
        await store.appendToStream(vaccinationStream(residentId), [{ ...event, metadata: { correlationId: randomUUID(), causationId: null, actor: actorOfIdentity(VACCINATOR) } }], {
          expectedRevision: 'any',
        });
      }
    }
    await service.app.get(VaccinationStatusPolicy).waitUntilCaughtUp();
    await service.waitForProjections();
  });
  afterAll(async () => service.close());

  it('covers the cases a rebuild must reproduce', async () => {
    const { residents, tierCounts, triageDecisions, ruleSets } = await snapshot();
    expect(residents).toHaveLength(30);
    expect(new Set(residents.map((row) => row.tier))).toEqual(new Set(['red', 'yellow', 'green']));
    expect(residents.filter((row) => row.tier_overridden).map((row) => row.resident_id)).toEqual([ids[6]]);
    expect(residents.find((row) => row.resident_id === ids[2])).toMatchObject({ district_id: 'd02', community_id: AREAS[3].communityId, grid_id: 'g04' });
    expect(residents.filter((row) => row.doses_received === 2)).toHaveLength(3);
    expect(tierCounts.length).toBeGreaterThan(10);
    expect(new Set(triageDecisions.map((row) => row.trigger_kind))).toEqual(
      new Set(['registration', 'facts-corrected', 'moved', 'manual-override', 'manual-request', 'vaccination-status']),
    );
    expect(ruleSets).toHaveLength(1);
  });

  it('shows each resident as their stream, folded with the decider, has them', async () => {
    for (const row of await residentRows(pool)) {
      const events = await store.readStream(residentStream(row.resident_id));
      expect(comparableRow(row)).toEqual(expectedResidentRow(events));
    }
  });

  it('counts residents per tier at every level as the registry rows do', async () => {
    expect((await pool.query(TIER_COUNTS)).rows).toEqual((await pool.query(TIER_COUNTS_FROM_ROWS)).rows);
  });

  it('rebuilds every read model to the very same rows', async () => {
    const before = await snapshot();
    const names = service.projections.readModels.map((readModel) => readModel.name);
    expect([...names].sort()).toEqual(['follow-up-worklist', 'resident-care', 'resident-supplies', 'residents-registry', 'triage-decisions', 'triage-rule-sets']);
    for (const name of names) {
      const progress = await service.projections.rebuild(name);
      // This journey hands out no supplies (their own spec rebuilds them).
      if (name !== 'resident-supplies') expect(progress.eventsApplied).toBeGreaterThan(0);
    }
    await service.waitForProjections();
    expect(await snapshot()).toEqual(before);
    expect((await pool.query(TIER_COUNTS)).rows).toEqual((await pool.query(TIER_COUNTS_FROM_ROWS)).rows);
    expect(service.projections.runners.every((runner) => runner.status().running)).toBe(true);
  });

  it('rebuilds to the same rows from small batches too, as live runners see the log', async () => {
    const before = await snapshot();
    // Replaying one event at a time, the way a runner applies events arriving one by one.
    for (const { name } of service.projections.readModels) await service.projections.rebuild(name, { pageSize: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps answering queries with whole read models while they are rebuilt', async () => {
    const totals = async () => {
      const response = await service.graphql<{ tierCounts: { total: number }[] }>('{ tierCounts(level: DISTRICT) { total } }', {}, CITY_AUDITOR);
      expect(response.errors).toBeUndefined();
      return response.data!.tierCounts.reduce((sum, count) => sum + count.total, 0);
    };
    const expected = await totals();
    let rebuilding = true;
    const answers: number[] = [];
    const reader = (async () => {
      while (rebuilding) answers.push(await totals());
    })();
    // One event per transaction: a slow rebuild, so that many reads land while it runs.
    const result = await service.projections.rebuild('residents-registry', { pageSize: 1 });
    rebuilding = false;
    await reader;
    expect(result.eventsApplied).toBeGreaterThan(30);
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.every((total) => total === expected)).toBe(true);
    expect(await totals()).toBe(expected);
  });
});
