import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentAssignmentStream } from '@gridcare/residents-contracts';
import { Pool } from 'pg';
import { RESIDENTS_POOL } from '../database/residents-database.module';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { AssignResidentCommand } from './assign-resident.command';
import { BulkAssignment } from './bulk-assignment.service';
import { ASSIGN_MANY, BulkAnswer, dataOf, errorOf, JINSONG, LEAD, REASSIGN_WORKLOAD, register, resident, XIAZHUANG } from './testing/assignment-fixtures';
import { commandContextOf } from '../identity/resident-access';

describe('assigning many residents at once', () => {
  let service: ResidentsTestApp;
  let store: EventStore;
  let pool: Pool;
  const xiazhuang: string[] = [];
  const jinsong: string[] = [];

  const assignMany = (input: Record<string, unknown>) =>
    service.graphql<{ assignResidents: BulkAnswer }>(ASSIGN_MANY, { input: { workerId: 'chen-yawen', reason: 'new to the community', ...input } }, LEAD);
  const reassignWorkload = (input: Record<string, unknown>) =>
    service.graphql<{ reassignWorkload: BulkAnswer }>(REASSIGN_WORKLOAD, { input: { reason: 'Chen Yawen moves to the fever clinic', ...input } }, LEAD);
  /** resident id → the worker the worklist shows them with. */
  const workers = async () => {
    const { rows } = await pool.query<{ resident_id: string; worker_id: string | null }>('SELECT resident_id, worker_id FROM residents.follow_up_worklist');
    return new Map(rows.map((row) => [row.resident_id, row.worker_id]));
  };
  const assignmentEvents = async (ids: string[]) => (await Promise.all(ids.map((id) => store.readStream(residentAssignmentStream(id))))).flat().length;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    store = service.app.get(EVENT_STORE);
    pool = service.app.get(RESIDENTS_POOL);
    for (const [i, name] of ['Liu Fang', 'Zhao Min', 'Bai Yun', 'Qian Hua', 'Cao Lin', 'Deng Wei'].entries()) {
      xiazhuang.push((await register(service, resident((['red', 'yellow', 'green'] as const)[i % 3], name))).id);
    }
    for (const [i, name] of ['Fan Jing', 'Han Mei', 'Jiang Tao', 'Kong Yu'].entries()) {
      jinsong.push((await register(service, resident((['red', 'yellow', 'green'] as const)[i % 3], name, { jurisdiction: JINSONG, gridId: 'g04' }))).id);
    }
  });
  afterAll(async () => service.close());

  it('assigns every registered resident; one not registered is refused without holding back the others', async () => {
    const unknown = randomUUID();
    const answer = dataOf(await assignMany({ residentIds: [...xiazhuang, ...jinsong, unknown, 'not-a-resident', xiazhuang[0]] })).assignResidents;
    expect(answer).toEqual({
      assigned: 10,
      unchanged: 0,
      refused: [
        { residentId: unknown, code: 'RESIDENT_NOT_REGISTERED', message: 'the resident is not registered' },
        { residentId: 'not-a-resident', code: 'RESIDENT_NOT_REGISTERED', message: 'the resident is not registered' },
      ].sort((a, b) => a.residentId.localeCompare(b.residentId)),
    });
    const byResident = await workers();
    for (const id of [...xiazhuang, ...jinsong]) expect(byResident.get(id)).toBe('chen-yawen');
  });

  it('counts residents already with the worker as unchanged', async () => {
    expect(dataOf(await assignMany({ residentIds: [xiazhuang[0], xiazhuang[1], jinsong[0]] })).assignResidents).toEqual({ assigned: 0, unchanged: 3, refused: [] });
  });

  describe('refuses the whole request, writing nothing', () => {
    it('a blank reason or a bad worker id, naming the field', async () => {
      const before = await assignmentEvents(xiazhuang);
      expect(errorOf(await assignMany({ residentIds: xiazhuang, workerId: 'li-ming', reason: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(errorOf(await assignMany({ residentIds: xiazhuang, workerId: 'li ming' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workerId' });
      expect(errorOf(await reassignWorkload({ fromWorkerId: 'chen-yawen', toWorkerId: 'li-ming', reason: '' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(errorOf(await reassignWorkload({ fromWorkerId: 'chen-yawen', toWorkerId: 'li ming' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toWorkerId' });
      expect(await assignmentEvents(xiazhuang)).toBe(before);
    });

    it('more than 10,000 residents', async () => {
      const residentIds = [xiazhuang[2], ...Array.from({ length: 10_000 }, () => randomUUID())];
      const answer = await assignMany({ residentIds, workerId: 'li-ming' });
      expect(errorOf(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'residentIds' });
      expect(answer.errors?.[0].message).toMatch(/10001 residents: at most 10000/);
      expect((await workers()).get(xiazhuang[2])).toBe('chen-yawen');
    });
  });

  it('reassigns a workload within one community', async () => {
    expect(dataOf(await reassignWorkload({ fromWorkerId: 'chen-yawen', toWorkerId: 'li-ming', communityId: JINSONG.communityId })).reassignWorkload).toEqual({
      assigned: 4,
      unchanged: 0,
      refused: [],
    });
    const byResident = await workers();
    for (const id of jinsong) expect(byResident.get(id)).toBe('li-ming');
    for (const id of xiazhuang) expect(byResident.get(id)).toBe('chen-yawen');
    const [last] = await store.readStream(residentAssignmentStream(jinsong[0]), { direction: 'backwards', maxCount: 1 });
    expect(last.data).toMatchObject({ workerId: 'li-ming', previousWorkerId: 'chen-yawen', reason: 'Chen Yawen moves to the fever clinic' });
  });

  it('reassigns a whole workload; a resident someone assigned elsewhere meanwhile is refused, not taken back', async () => {
    // The worklist still shows Bai Yun with Chen Yawen when the workload is read.
    const worklist = service.projections.runner('follow-up-worklist');
    await worklist.stop();
    const meanwhile = xiazhuang[2];
    await service.app.get(CommandBus).execute(new AssignResidentCommand(meanwhile, { workerId: 'wang-lei', reason: 'lives next door to her' }, commandContextOf(LEAD)));
    let answer;
    try {
      answer = await service.app.get(BulkAssignment).reassignWorkload({ fromWorkerId: 'chen-yawen', toWorkerId: 'li-ming', reason: 'Chen Yawen moves' }, commandContextOf(LEAD));
    } finally {
      worklist.start();
    }
    expect(answer).toMatchObject({ assigned: 5, unchanged: 0, refused: [{ residentId: meanwhile, code: 'WORKER_CHANGED' }] });
    expect(answer.refused[0].message).toBe('the resident is now with wang-lei, no longer with chen-yawen');
    await service.waitForProjections();
    const byResident = await workers();
    for (const id of [...xiazhuang, ...jinsong]) expect(byResident.get(id)).toBe(id === meanwhile ? 'wang-lei' : 'li-ming');
    expect((await store.readStream(residentAssignmentStream(meanwhile))).map((event) => (event.data as { workerId: string }).workerId)).toEqual(['chen-yawen', 'wang-lei']);
  });

  it('answers with nothing to do for a worker without residents', async () => {
    expect(dataOf(await reassignWorkload({ fromWorkerId: 'chen-yawen', toWorkerId: 'li-ming', communityId: XIAZHUANG.communityId })).reassignWorkload).toEqual({
      assigned: 0,
      unchanged: 0,
      refused: [],
    });
  });
});
