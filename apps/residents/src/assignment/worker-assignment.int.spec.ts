import { actorOfIdentity } from '@gridcare/identity';
import { randomUUID } from 'node:crypto';
import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentAssignmentStream } from '@gridcare/residents-contracts';
import { ADMINISTRATOR, ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import {
  ASSIGN,
  ASSIGN_MANY,
  ASSIGNED_WORKER,
  COMMAND_CENTRE,
  dataOf,
  DOCTOR,
  errorOf,
  LEAD,
  REASSIGN_WORKLOAD,
  register,
  resident,
  WORKER,
} from './testing/assignment-fixtures';

type Assigned = { assignResidentToWorker: { id: string; assignedWorkerId: string | null } };

describe('assigning a resident to a community worker', () => {
  let service: ResidentsTestApp;
  let store: EventStore;
  let residentId: string;

  const assign = (input: Record<string, unknown>, actor = LEAD) => service.graphql<Assigned>(ASSIGN, { input: { residentId, reason: 'lives on her street', ...input } }, actor);
  const streamOf = (id: string) => store.readStream(residentAssignmentStream(id));

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    store = service.app.get(EVENT_STORE);
    residentId = (await register(service, resident('yellow', 'Wang Guifang'))).id;
  });
  afterAll(async () => service.close());

  it('assigns her to a worker: the resident shows the worker, the stream who assigned her and why', async () => {
    expect(dataOf(await assign({ workerId: 'chen-yawen' })).assignResidentToWorker).toEqual({ id: residentId, assignedWorkerId: 'chen-yawen' });
    const [event] = await streamOf(residentId);
    expect(event).toMatchObject({
      type: 'ResidentAssignedToWorker',
      schemaVersion: 1,
      data: { residentId, workerId: 'chen-yawen', previousWorkerId: null, reason: 'lives on her street' },
      metadata: { actor: actorOfIdentity(LEAD) },
    });
  });

  it('reassigns her, naming the worker she was with', async () => {
    const answer = await assign({ workerId: 'li-ming', reason: 'Chen Yawen is off sick' }, COMMAND_CENTRE);
    expect(dataOf(answer).assignResidentToWorker.assignedWorkerId).toBe('li-ming');
    expect((await streamOf(residentId)).map((event) => event.data)).toEqual([
      expect.objectContaining({ workerId: 'chen-yawen', previousWorkerId: null }),
      { residentId, workerId: 'li-ming', previousWorkerId: 'chen-yawen', reason: 'Chen Yawen is off sick' },
    ]);
    const read = await service.graphql<{ resident: { assignedWorkerId: string } }>(ASSIGNED_WORKER, { id: residentId });
    expect(read.data?.resident.assignedWorkerId).toBe('li-ming');
  });

  describe('refuses, writing nothing', () => {
    it('the worker she is with already', async () => {
      const before = await streamOf(residentId);
      const answer = await assign({ workerId: 'li-ming' });
      expect(errorOf(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workerId', reason: 'WORKER_UNCHANGED', workerId: 'li-ming' });
      expect(await streamOf(residentId)).toEqual(before);
    });

    it.each([
      ['reason', 'REASON_REQUIRED', { workerId: 'wang-lei', reason: '   ' }],
      ['workerId', 'WORKER_ID_INVALID', { workerId: 'wang lei' }],
      ['workerId', 'WORKER_ID_INVALID', { workerId: '' }],
    ])('a bad %s (%s), naming the field', async (field, reason, input) => {
      const before = await streamOf(residentId);
      const answer = await assign(input);
      expect(errorOf(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      expect(answer.errors?.[0].message).toMatch(new RegExp(`^${field}: `));
      expect(await streamOf(residentId)).toEqual(before);
    });

    it('a resident who is not registered', async () => {
      for (const id of [randomUUID(), 'not-a-resident']) {
        expect(errorOf(await service.graphql(ASSIGN, { input: { residentId: id, workerId: 'chen-yawen', reason: 'new' } }, LEAD))).toMatchObject({ code: 'NOT_FOUND', id });
        expect(await streamOf(id)).toEqual([]);
      }
    });

    it('anyone but administrators, the command centre and community leads: a community worker may not reassign', async () => {
      const before = await streamOf(residentId);
      for (const actor of [WORKER, DOCTOR]) {
        const single = await assign({ workerId: actor.actorId }, actor);
        expect(errorOf(single)).toMatchObject({ code: 'FORBIDDEN' });
        expect(single.errors?.[0].message).toContain(actor.role);
        const many = await service.graphql(ASSIGN_MANY, { input: { residentIds: [residentId], workerId: actor.actorId, reason: 'mine now' } }, actor);
        expect(errorOf(many)).toMatchObject({ code: 'FORBIDDEN' });
        const workload = await service.graphql(REASSIGN_WORKLOAD, { input: { fromWorkerId: 'li-ming', toWorkerId: actor.actorId, reason: 'mine now' } }, actor);
        expect(errorOf(workload)).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect(await streamOf(residentId)).toEqual(before);
      expect(dataOf(await assign({ workerId: 'wang-lei' }, ADMINISTRATOR)).assignResidentToWorker.assignedWorkerId).toBe('wang-lei');
    });
  });

  describe('at the same moment', () => {
    it('several leads assigning one resident: each is re-decided on the one before, none is overwritten', async () => {
      const id = (await register(service, resident('red', 'Zhao Min'))).id;
      const workers = ['w-1', 'w-2', 'w-3', 'w-4', 'w-5', 'w-6'];
      const answers = await Promise.all(workers.map((workerId) => assign({ residentId: id, workerId })));
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      const events = (await streamOf(id)).map((event) => event.data as { workerId: string; previousWorkerId: string | null });
      expect(events.map((event) => event.workerId).sort()).toEqual(workers);
      // One chain: each assignment names the worker the one before it assigned.
      expect(events.map((event) => event.previousWorkerId)).toEqual([null, ...events.slice(0, -1).map((event) => event.workerId)]);
      const read = await service.graphql<{ resident: { assignedWorkerId: string } }>(ASSIGNED_WORKER, { id });
      expect(read.data?.resident.assignedWorkerId).toBe(events[events.length - 1].workerId);
    });

    it('several leads assigning one resident to the same worker: one assigns, the others are told it is no change', async () => {
      const id = (await register(service, resident('green', 'An Li'))).id;
      const answers = await Promise.all([1, 2, 3, 4].map(() => assign({ residentId: id, workerId: 'chen-yawen' })));
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.errors)) expect(errorOf(answer)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WORKER_UNCHANGED' });
      expect(await streamOf(id)).toHaveLength(1);
    });
  });
});
