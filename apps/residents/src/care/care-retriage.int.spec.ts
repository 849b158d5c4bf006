import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CareDesk, RESIDENTS } from './testing/care-fixtures';

type Triaged = { type: string; revision: number; data: { trigger: { kind: string }; tier: string; previousTier: string | null; inputs: { latestSpo2: number | null } } };

describe('follow-up outcomes and SpO2 readings that re-triage', () => {
  let service: ResidentsTestApp;
  let desk: CareDesk;

  /** The events the last command appended, in order. */
  const lastAppend = async (id: string, count: number) => (await desk.stream(id)).slice(-count);

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    desk = new CareDesk(service);
  });
  afterAll(async () => service.close());

  it('triages again on every reading: below 93 is red, and the follow-up comes with it in the same append', async () => {
    desk.on('2026-01-15');
    const id = await desk.register(RESIDENTS.adult(1));
    await desk.reportInfection(id, '2026-01-15');

    const at93 = await desk.reading(id, 93, '2026-01-15T10:00:00+08:00');
    expect(at93.tier).toBe('YELLOW');
    expect(at93.triageDecisions[0]).toMatchObject({ trigger: 'spo2-reading', tier: 'YELLOW', inputs: { infected: true, latestSpo2: 93 } });

    const at92 = await desk.reading(id, 92, '2026-01-15T16:00:00+08:00');
    expect(at92.tier).toBe('RED');
    expect(at92.triageDecisions[0]).toMatchObject({ trigger: 'spo2-reading', tier: 'RED', inputs: { latestSpo2: 92 } });
    expect(at92.triageDecisions[0].firedRules.map((rule) => rule.id)).toContain('infected-low-spo2');
    expect(at92.episodes[0].latestSpo2).toBe(92);
    expect(at92.pendingFollowUp).toMatchObject({ intervalDays: 1, basis: ['RED_INFECTED'] });

    const [reading, triaged, scheduled] = (await lastAppend(id, 3)) as unknown as Triaged[];
    expect([reading.type, triaged.type, scheduled.type]).toEqual(['Spo2Recorded', 'ResidentTriaged', 'FollowUpScheduled']);
    expect(triaged.data).toMatchObject({ trigger: { kind: 'spo2-reading' }, tier: 'red', previousTier: 'yellow' });
    expect(scheduled.revision).toBe(reading.revision + 2);
  });

  it('triages again when a follow-up finds the resident worse', async () => {
    desk.on('2026-01-15');
    const id = await desk.register(RESIDENTS.adult(2));
    await desk.reportInfection(id, '2026-01-15');
    const worse = await desk.complete(id, 1, 'WORSE');
    expect(worse.followUps[0]).toMatchObject({ status: 'COMPLETED', outcome: 'WORSE' });
    expect(worse.triageDecisions[0]).toMatchObject({ trigger: 'follow-up-outcome', tier: 'YELLOW' });
    expect(worse.triageDecisions.map((decision) => decision.trigger)).toEqual(['follow-up-outcome', 'infection-reported', 'registration']);
    const types = (await lastAppend(id, 3)).map((event) => event.type);
    expect(types).toEqual(['FollowUpCompleted', 'ResidentTriaged', 'FollowUpScheduled']);

    // A stable outcome decides nothing.
    const stable = await desk.complete(id, 2, 'STABLE');
    expect(stable.triageDecisions).toHaveLength(3);
  });

  it('escalates when the resident was not reached twice in a row, trying again the next day', async () => {
    desk.on('2026-01-15');
    const id = await desk.register(RESIDENTS.adult(3));
    await desk.reportInfection(id, '2026-01-15');

    const once = await desk.complete(id, 1, 'NOT_REACHED');
    expect(once.followUps[0]).toMatchObject({ outcome: 'NOT_REACHED', escalated: false });
    expect(once.pendingFollowUp).toMatchObject({ number: 2, dueOn: '2026-01-16' });

    desk.on('2026-01-16');
    const twice = await desk.complete(id, 2, 'NOT_REACHED');
    expect(twice.followUps.map((followUp) => followUp.escalated)).toEqual([false, true, false]);
    expect(twice.pendingFollowUp).toMatchObject({ number: 3, dueOn: '2026-01-17' });
    expect((await lastAppend(id, 3)).map((event) => event.type)).toEqual(['FollowUpCompleted', 'FollowUpEscalated', 'FollowUpScheduled']);

    // Reached: the count starts again, and one miss after it is not escalated.
    desk.on('2026-01-17');
    await desk.complete(id, 3, 'STABLE');
    desk.on('2026-01-20');
    const missedOnce = await desk.complete(id, 4, 'NOT_REACHED');
    expect(missedOnce.followUps.map((followUp) => followUp.escalated)).toEqual([false, true, false, false, false]);
  });
});
