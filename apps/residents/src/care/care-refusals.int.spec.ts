import { actorOfIdentity } from '@gridcare/identity';
import { Identity } from '@gridcare/identity';
import { randomUUID } from 'node:crypto';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CareDesk, CareMutation, DOCTOR, RESIDENTS, VACCINATOR, VALID_CARE_INPUTS, WORKER } from './testing/care-fixtures';

/** A valid input for each mutation on the infected resident (follow-up 1 is pending). */
const VALID = VALID_CARE_INPUTS;
const MUTATIONS = Object.keys(VALID) as CareMutation[];

describe('care mutations refused: a typed error, and nothing written', () => {
  let service: ResidentsTestApp;
  let desk: CareDesk;
  let infected: string;
  let healthy: string;

  /** Sends, expects the error, and checks that neither resident's stream changed. */
  async function expectRefused(mutation: CareMutation, input: Record<string, unknown>, expected: Record<string, unknown>, actor = DOCTOR) {
    const before = [await desk.stream(infected), await desk.stream(healthy)];
    const response = await desk.send(mutation, input, actor);
    expect(response.errors?.[0].extensions).toMatchObject(expected);
    expect([await desk.stream(infected), await desk.stream(healthy)]).toEqual(before);
    return response.errors?.[0].message ?? '';
  }

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    desk = new CareDesk(service);
    infected = await desk.register(RESIDENTS.adult(1));
    healthy = await desk.register(RESIDENTS.adult(2));
    await desk.reportInfection(infected, '2026-01-15');
  });
  afterAll(async () => service.close());

  it.each<[string, CareMutation, Record<string, unknown>]>([
    ['onsetOn', 'reportInfection', { onsetOn: 'yesterday' }],
    ['onsetOn', 'reportInfection', { onsetOn: '2026-02-30' }],
    ['onsetOn', 'reportInfection', { onsetOn: '2026-01-16' }],
    ['spo2', 'recordSpo2Reading', { spo2: 101 }],
    ['spo2', 'recordSpo2Reading', { spo2: 49 }],
    ['pulse', 'recordSpo2Reading', { pulse: 300 }],
    ['measuredAt', 'recordSpo2Reading', { measuredAt: 'this morning' }],
    ['measuredAt', 'recordSpo2Reading', { measuredAt: '2026-01-15T08:00:00' }],
    // Tomorrow in the city, and (00:30 in Tokyo) the evening before the onset in the city.
    ['measuredAt', 'recordSpo2Reading', { measuredAt: '2026-01-16T07:00:00+08:00' }],
    ['measuredAt', 'recordSpo2Reading', { measuredAt: '2026-01-15T00:30:00+09:00' }],
    ['drug', 'giveAntiviral', { drug: '  ' }],
    ['courseDays', 'giveAntiviral', { courseDays: 0 }],
    ['courseDays', 'giveAntiviral', { courseDays: 31 }],
    ['litres', 'fillOxygen', { litres: 0 }],
    ['reimbursableShare', 'fillOxygen', { reimbursableShare: 1.5 }],
    ['reimbursableShare', 'fillOxygen', { reimbursableShare: -0.1 }],
    ['note', 'completeFollowUp', { note: 'x'.repeat(2001) }],
    ['intervalDays', 'raiseFollowUpFrequency', { intervalDays: 0 }],
    ['reason', 'raiseFollowUpFrequency', { reason: ' ' }],
  ])('bad %s (%s): BAD_USER_INPUT naming the field', async (field, mutation, change) => {
    const residentId = mutation === 'reportInfection' ? healthy : infected;
    const message = await expectRefused(mutation, { residentId, ...VALID[mutation], ...change }, { code: 'BAD_USER_INPUT', field });
    expect(message).toMatch(new RegExp(`^${field}: `));
  });

  it('refuses what the case does not allow: CONFLICT', async () => {
    await expectRefused('reportInfection', { residentId: infected, ...VALID.reportInfection }, { code: 'CONFLICT', reason: 'EPISODE_ALREADY_OPEN', residentId: infected });
    for (const mutation of ['recordSymptoms', 'recordSpo2Reading', 'giveAntiviral', 'fillOxygen', 'endHomeTreatment'] as const) {
      await expectRefused(mutation, { residentId: healthy, ...VALID[mutation] }, { code: 'CONFLICT', reason: 'NO_OPEN_EPISODE' });
    }
    await expectRefused('completeFollowUp', { residentId: infected, ...VALID.completeFollowUp, followUpNumber: 7 }, { code: 'CONFLICT', reason: 'FOLLOW_UP_NOT_PENDING', pending: 1 });
    await expectRefused('completeFollowUp', { residentId: healthy, ...VALID.completeFollowUp }, { code: 'CONFLICT', reason: 'FOLLOW_UP_NOT_PENDING', pending: null });
  });

  it('refuses a resident who is not registered: NOT_FOUND', async () => {
    for (const residentId of [randomUUID(), 'not-a-resident']) {
      for (const mutation of MUTATIONS) {
        await expectRefused(mutation, { ...VALID[mutation], residentId }, { code: 'NOT_FOUND', id: residentId });
      }
      expect(await desk.stream(residentId)).toEqual([]);
    }
  });

  it('lets workers do follow-ups and readings, and only doctors treat: FORBIDDEN', async () => {
    for (const mutation of MUTATIONS) {
      const message = await expectRefused(mutation, { residentId: infected, ...VALID[mutation] }, { code: 'FORBIDDEN' }, VACCINATOR);
      expect(message).toContain('vaccination_team');
    }
    for (const mutation of ['giveAntiviral', 'fillOxygen', 'endHomeTreatment'] as const) {
      const message = await expectRefused(mutation, { residentId: infected, ...VALID[mutation] }, { code: 'FORBIDDEN' }, WORKER);
      expect(message).toContain('only family_doctor, administrator may');
    }
  });

  it('takes every valid input from the roles allowed, each recorded with its actor', async () => {
    const before = (await desk.stream(infected)).length;
    const order: [CareMutation, Identity][] = [
      ['recordSymptoms', WORKER],
      ['recordSpo2Reading', WORKER],
      ['giveAntiviral', DOCTOR],
      ['fillOxygen', DOCTOR],
      ['completeFollowUp', WORKER],
      ['raiseFollowUpFrequency', WORKER],
      ['endHomeTreatment', DOCTOR],
    ];
    for (const [mutation, actor] of order) await desk.do(mutation, { residentId: infected, ...VALID[mutation] }, actor);
    const appended = (await desk.stream(infected)).slice(before);
    const firstOf = (type: string) => appended.find((event) => event.type === type)?.metadata.actor;
    expect(firstOf('SymptomsRecorded')).toEqual(actorOfIdentity(WORKER));
    expect(firstOf('AntiviralGiven')).toEqual(actorOfIdentity(DOCTOR));
    expect(firstOf('FollowUpCompleted')).toEqual(actorOfIdentity(WORKER));
    expect(firstOf('HomeTreatmentEnded')).toEqual(actorOfIdentity(DOCTOR));
  });
});
