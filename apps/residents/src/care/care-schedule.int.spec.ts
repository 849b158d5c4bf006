import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CareDesk, CareView, DOCTOR, pendingOf, RESIDENTS, scheduleOf } from './testing/care-fixtures';

/** Exactly one follow-up pending, and it is the one the resident shows as due. */
function expectOnePending(resident: CareView) {
  expect(pendingOf(resident)).toEqual([resident.pendingFollowUp]);
}

describe('the follow-up schedule by tier and state, as workers see it', () => {
  let service: ResidentsTestApp;
  let desk: CareDesk;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    desk = new CareDesk(service);
  });
  afterAll(async () => service.close());

  it('yellow and infected: every three days from the report until home treatment ends', async () => {
    desk.on('2026-01-15');
    const id = await desk.register(RESIDENTS.adult(1));
    expect(await desk.resident(id)).toMatchObject({ tier: 'GREEN', followUps: [], pendingFollowUp: null });

    const infected = await desk.reportInfection(id, '2026-01-14');
    expect(infected.tier).toBe('YELLOW');
    expect(infected.pendingFollowUp).toMatchObject({ number: 1, dueOn: '2026-01-15', intervalDays: 3, purposes: ['HEALTH_CHECK'], basis: ['YELLOW_INFECTED'], replaces: null });

    const first = await desk.complete(id, 1, 'STABLE');
    expect(first.followUps[0]).toMatchObject({ status: 'COMPLETED', method: 'TELEPHONE', outcome: 'STABLE', workerId: 'chen-yawen', completedOn: '2026-01-15' });
    expect(first.pendingFollowUp).toMatchObject({ number: 2, dueOn: '2026-01-18', intervalDays: 3 });

    // Done a day late: the next is three days after it was done.
    desk.on('2026-01-19');
    expect((await desk.complete(id, 2, 'BETTER')).pendingFollowUp).toMatchObject({ number: 3, dueOn: '2026-01-22' });

    desk.on('2026-01-20');
    const ended = await desk.do('endHomeTreatment', { residentId: id, outcome: 'RECOVERED' }, DOCTOR);
    expect(ended.tier).toBe('GREEN');
    expect(ended.pendingFollowUp).toBeNull();
    expect(scheduleOf(ended)).toEqual(['1 2026-01-15 COMPLETED', '2 2026-01-18 COMPLETED', '3 2026-01-22 CANCELLED']);
    expect(ended.followUps[2].cancelledOn).toBe('2026-01-20');
    expect(ended.episodes[0]).toMatchObject({ status: 'ENDED', endedOn: '2026-01-20', homeTreatmentOutcome: 'RECOVERED', endedBy: DOCTOR.actorId });
  });

  it('red and infected: daily, with referral assistance', async () => {
    desk.on('2026-01-15');
    const id = await desk.register(RESIDENTS.elderly(1));
    expect((await desk.resident(id)).pendingFollowUp).toBeNull();

    const infected = await desk.reportInfection(id, '2026-01-15');
    expect(infected.tier).toBe('RED');
    expect(infected.pendingFollowUp).toMatchObject({
      number: 1,
      dueOn: '2026-01-15',
      intervalDays: 1,
      purposes: ['HEALTH_CHECK', 'REFERRAL_ASSISTANCE'],
      basis: ['RED_INFECTED'],
    });
    expect((await desk.complete(id, 1)).pendingFollowUp).toMatchObject({ number: 2, dueOn: '2026-01-16', purposes: ['HEALTH_CHECK', 'REFERRAL_ASSISTANCE'] });

    desk.on('2026-01-16');
    const needsReferral = await desk.complete(id, 2, 'NEEDS_REFERRAL');
    expect(needsReferral.referralAssistanceRequests).toEqual([
      { episodeId: infected.episodes[0].id, reason: 'FOLLOW_UP_NEEDS_REFERRAL', followUpNumber: 2, requestedOn: '2026-01-16', requestedBy: 'chen-yawen' },
    ]);
    expect(needsReferral.pendingFollowUp).toMatchObject({ number: 3, dueOn: '2026-01-17' });
    expectOnePending(needsReferral);
  });

  it('living alone: a daily greeting from registration on', async () => {
    desk.on('2026-01-15');
    const id = await desk.register(RESIDENTS.alone(1));
    const registered = await desk.resident(id);
    expect(registered.tier).toBe('GREEN');
    expect(registered.pendingFollowUp).toMatchObject({ number: 1, dueOn: '2026-01-15', intervalDays: 1, purposes: ['GREETING'], basis: ['LIVING_ALONE'] });
    expect((await desk.complete(id, 1)).pendingFollowUp).toMatchObject({ number: 2, dueOn: '2026-01-16', purposes: ['GREETING'] });
  });

  it('moves with the tier: yellow to red brings the follow-up forward, red to yellow keeps it, the end cancels it', async () => {
    desk.on('2026-01-15');
    const id = await desk.register(RESIDENTS.adult(2));
    await desk.reportInfection(id, '2026-01-15');
    expect((await desk.complete(id, 1)).pendingFollowUp).toMatchObject({ number: 2, dueOn: '2026-01-18', intervalDays: 3 });

    desk.on('2026-01-16');
    const red = await desk.reading(id, 91, '2026-01-16T08:10:00+08:00');
    expect(red.tier).toBe('RED');
    expect(red.pendingFollowUp).toMatchObject({ number: 3, dueOn: '2026-01-16', intervalDays: 1, basis: ['RED_INFECTED'], replaces: 2 });
    expect(red.followUps[1]).toMatchObject({ number: 2, status: 'REPLACED', replacedBy: 3 });
    expectOnePending(red);

    const yellow = await desk.reading(id, 97, '2026-01-16T15:40:00+08:00');
    expect(yellow.tier).toBe('YELLOW');
    expect(yellow.pendingFollowUp).toMatchObject({ number: 4, dueOn: '2026-01-16', intervalDays: 3, basis: ['YELLOW_INFECTED'], replaces: 3 });
    expectOnePending(yellow);

    desk.on('2026-01-17');
    const ended = await desk.do('endHomeTreatment', { residentId: id, outcome: 'RECOVERED' }, DOCTOR);
    expect(scheduleOf(ended)).toEqual(['1 2026-01-15 COMPLETED', '2 2026-01-18 REPLACED', '3 2026-01-16 REPLACED', '4 2026-01-16 CANCELLED']);
    expect(ended.pendingFollowUp).toBeNull();
  });

  it('living alone through an episode: greeting and health check in one follow-up, the greeting kept after the end', async () => {
    desk.on('2026-01-15');
    const id = await desk.register(RESIDENTS.alone(2));
    desk.on('2026-01-16');
    const infected = await desk.reportInfection(id, '2026-01-16');
    expect(infected.tier).toBe('YELLOW');
    // The greeting booked for yesterday becomes a greeting and health check: replaced, not booked twice.
    expect(infected.pendingFollowUp).toMatchObject({
      number: 2,
      dueOn: '2026-01-15',
      intervalDays: 1,
      purposes: ['HEALTH_CHECK', 'GREETING'],
      basis: ['YELLOW_INFECTED', 'LIVING_ALONE'],
      replaces: 1,
    });
    expectOnePending(infected);
    await desk.complete(id, 2);

    desk.on('2026-01-18');
    const ended = await desk.do('endHomeTreatment', { residentId: id, outcome: 'RECOVERED' }, DOCTOR);
    expect(ended.pendingFollowUp).toMatchObject({ number: 4, dueOn: '2026-01-17', purposes: ['GREETING'], basis: ['LIVING_ALONE'], replaces: 3 });
    expect(scheduleOf(ended)).toEqual(['1 2026-01-15 REPLACED', '2 2026-01-15 COMPLETED', '3 2026-01-17 REPLACED', '4 2026-01-17 PENDING']);
    expectOnePending(ended);
  });
});
