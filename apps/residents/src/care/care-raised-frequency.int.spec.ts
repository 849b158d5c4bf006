import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CareDesk, DOCTOR, pendingOf, RESIDENTS } from './testing/care-fixtures';

describe('a raised follow-up frequency', () => {
  let service: ResidentsTestApp;
  let desk: CareDesk;
  let id: string;

  const raise = (intervalDays: number, reason = 'coughing at night') => desk.send('raiseFollowUpFrequency', { residentId: id, intervalDays, reason });

  /** Asks for a frequency that is not higher: refused, naming the interval in force, nothing written. */
  async function expectNotRaised(intervalDays: number, currentIntervalDays: number) {
    const before = await desk.stream(id);
    const response = await raise(intervalDays);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'intervalDays', reason: 'FREQUENCY_NOT_RAISED', currentIntervalDays });
    expect(await desk.stream(id)).toEqual(before);
  }

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    desk = new CareDesk(service);
    desk.on('2026-01-15');
    id = await desk.register(RESIDENTS.adult(1));
    await desk.reportInfection(id, '2026-01-15');
    expect((await desk.complete(id, 1)).pendingFollowUp).toMatchObject({ number: 2, dueOn: '2026-01-18', intervalDays: 3 });
  });
  afterAll(async () => service.close());

  it('is refused when it would not raise the frequency', async () => {
    await expectNotRaised(3, 3);
    await expectNotRaised(5, 3);
  });

  it('brings the booked follow-up forward and holds for the episode', async () => {
    desk.on('2026-01-16');
    const response = await raise(2);
    expect(response.errors).toBeUndefined();
    const raised = await desk.resident(id);
    expect(raised.pendingFollowUp).toMatchObject({ number: 3, dueOn: '2026-01-16', intervalDays: 2, basis: ['YELLOW_INFECTED', 'RAISED_FREQUENCY'], replaces: 2 });
    expect(raised.episodes[0]).toMatchObject({ raisedFollowUpIntervalDays: 2, raisedFollowUpReason: 'coughing at night' });
    expect(pendingOf(raised)).toHaveLength(1);
    expect((await desk.complete(id, 3)).pendingFollowUp).toMatchObject({ number: 4, dueOn: '2026-01-18', intervalDays: 2 });
  });

  it('is not lowered by asking again, nor by the tier going up and down', async () => {
    await expectNotRaised(3, 2);
    await expectNotRaised(2, 2);

    desk.on('2026-01-17');
    const red = await desk.reading(id, 90, '2026-01-17T07:45:00+08:00');
    expect(red.pendingFollowUp).toMatchObject({ dueOn: '2026-01-17', intervalDays: 1, basis: ['RED_INFECTED'] });
    const yellow = await desk.reading(id, 96, '2026-01-17T18:05:00+08:00');
    expect(yellow.tier).toBe('YELLOW');
    // Back to yellow: every 2 days as raised, not the plan's 3.
    expect(yellow.pendingFollowUp).toMatchObject({ intervalDays: 2, basis: ['YELLOW_INFECTED', 'RAISED_FREQUENCY'] });
    expect(pendingOf(yellow)).toHaveLength(1);
  });

  it('may be raised further', async () => {
    expect((await raise(1)).errors).toBeUndefined();
    expect((await desk.resident(id)).pendingFollowUp).toMatchObject({ intervalDays: 1, basis: ['YELLOW_INFECTED', 'RAISED_FREQUENCY'] });
  });

  it('ends with the episode: the next one follows the plan again', async () => {
    desk.on('2026-01-20');
    await desk.do('endHomeTreatment', { residentId: id, outcome: 'RECOVERED' }, DOCTOR);
    expect((await raise(1)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_FOLLOW_UP_PLAN' });

    desk.on('2026-02-10');
    const again = await desk.reportInfection(id, '2026-02-09');
    expect(again.pendingFollowUp).toMatchObject({ dueOn: '2026-02-10', intervalDays: 3, basis: ['YELLOW_INFECTED'] });
    expect(again.episodes.map((episode) => [episode.status, episode.raisedFollowUpIntervalDays])).toEqual([
      ['OPEN', null],
      ['ENDED', 1],
    ]);
  });

  it('needs a reason, and a health-check schedule to raise (a greeting alone is not one)', async () => {
    expect((await raise(1, '  ')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const alone = await desk.register(RESIDENTS.alone(1));
    const response = await desk.send('raiseFollowUpFrequency', { residentId: alone, intervalDays: 1, reason: 'lonely' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_FOLLOW_UP_PLAN', residentId: alone });
  });
});
