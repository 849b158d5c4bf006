import { Identity } from '@gridcare/identity';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CareDesk, DOCTOR, OTHER_WORKER, pendingOf, RESIDENTS, WORKER } from './testing/care-fixtures';
import { communityWorker } from '@gridcare/identity/testing';
import { D05_COMMUNITIES } from '../testing/test-identities';

const completed = (events: { type: string; data: unknown }[]) =>
  events.filter((event) => event.type === 'FollowUpCompleted').map((event) => (event.data as { followUpNumber: number }).followUpNumber);

describe('workers on one resident at once', () => {
  let service: ResidentsTestApp;
  let desk: CareDesk;

  const completeAs = (residentId: string, followUpNumber: number, actor: Identity) =>
    desk.send('completeFollowUp', { residentId, followUpNumber, method: 'DOOR_TO_DOOR', outcome: 'STABLE', note: `visited by ${actor.actorId}` }, actor);

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    desk = new CareDesk(service);
  });
  afterAll(async () => service.close());

  it('two workers completing the same follow-up: one wins, the other is told who did it', async () => {
    const id = await desk.register(RESIDENTS.adult(1));
    await desk.reportInfection(id, '2026-01-15');

    const responses = await Promise.all([completeAs(id, 1, WORKER), completeAs(id, 1, OTHER_WORKER)]);
    const won = responses.filter((response) => !response.errors);
    const lost = responses.filter((response) => response.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0].data?.completeFollowUp.followUps[0].workerId;
    expect([WORKER.actorId, OTHER_WORKER.actorId]).toContain(winner);
    expect(lost[0].errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'FOLLOW_UP_ALREADY_COMPLETED',
      field: 'followUpNumber',
      followUpNumber: 1,
      completedBy: winner,
      completedOn: '2026-01-15',
    });

    const events = await desk.stream(id);
    expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));
    expect(completed(events)).toEqual([1]);
    expect(events.filter((event) => event.type === 'FollowUpScheduled')).toHaveLength(2);
    const resident = await desk.resident(id);
    expect(resident.followUps.map(({ number, status, workerId }) => [number, status, workerId])).toEqual([
      [1, 'COMPLETED', winner],
      [2, 'PENDING', null],
    ]);
  });

  it('several workers and readings at once: one completion, every reading kept, one follow-up pending', async () => {
    const id = await desk.register(RESIDENTS.adult(2));
    await desk.reportInfection(id, '2026-01-15');
    const workers = [WORKER, OTHER_WORKER, DOCTOR, communityWorker('wang-lei', ...D05_COMMUNITIES)];
    const readings = [95, 91, 94].map((spo2, i) => desk.send('recordSpo2Reading', { residentId: id, spo2, pulse: 90, measuredAt: `2026-01-15T08:0${i}:00+08:00` }, DOCTOR));
    const responses = await Promise.all([...workers.map((worker) => completeAs(id, 1, worker)), ...readings]);

    const errors = responses.flatMap((response) => response.errors ?? []);
    expect(errors.map((error) => error.extensions?.reason)).toEqual(['FOLLOW_UP_ALREADY_COMPLETED', 'FOLLOW_UP_ALREADY_COMPLETED', 'FOLLOW_UP_ALREADY_COMPLETED']);
    // A reading that turned the resident red replaced follow-up 1: doing 1 then completes its replacement.
    const events = await desk.stream(id);
    expect(completed(events)).toHaveLength(1);
    expect(events.filter((event) => event.type === 'Spo2Recorded')).toHaveLength(3);

    const resident = await desk.resident(id);
    expect(resident.spo2Readings).toHaveLength(3);
    expect(pendingOf(resident)).toHaveLength(1);
    expect(resident.pendingFollowUp).toEqual(pendingOf(resident)[0]);
    // Whatever the order, the schedule follows the last reading's tier.
    expect(resident.pendingFollowUp?.intervalDays).toBe(resident.tier === 'RED' ? 1 : 3);
  });
});
