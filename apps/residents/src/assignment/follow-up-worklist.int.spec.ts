import { communityWorker } from '@gridcare/identity/testing';
import { Pool } from 'pg';
import { RESIDENTS_POOL } from '../database/residents-database.module';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import {
  ASSIGN,
  care,
  COMMUNITY_WORKLIST,
  dataOf,
  errorOf,
  FOLLOW_UPS_DUE,
  followUpDone,
  JINSONG,
  LEAD,
  register,
  reportInfection,
  resident,
  WORKER,
  WORKER_WORKLIST,
  WorklistEntry,
  WorklistPage,
  XIAZHUANG,
} from './testing/assignment-fixtures';
import { D05_COMMUNITIES } from '../testing/test-identities';

const SNAPSHOT = `SELECT resident_id, full_name, district_id, street_id, community_id, grid_id, tier, tier_rank, worker_id, follow_up_number,
  due_on::text, purposes, escalated, referral_assistance, last_outcome, last_completed_on::text, to_json(updated_at)#>>'{}' AS updated_at
  FROM residents.follow_up_worklist ORDER BY resident_id`;

describe('follow-up worklists, per worker and per community', () => {
  let service: ResidentsTestApp;
  let pool: Pool;
  const ids: Record<string, string> = {};

  const add = async (name: string, input: Record<string, unknown>) => {
    ids[name] = (await register(service, input)).id;
  };
  const communityWorklist = async (communityId = XIAZHUANG.communityId, first = 50, after?: string) =>
    dataOf(await service.graphql<{ communityWorklist: WorklistPage }>(COMMUNITY_WORKLIST, { communityId, first, after }, WORKER)).communityWorklist;
  /** A worker reads their own worklist. */
  const worker = (workerId: string) => communityWorker(workerId, ...D05_COMMUNITIES);
  const workerWorklist = async (workerId: string) => dataOf(await service.graphql<{ workerWorklist: WorklistPage }>(WORKER_WORKLIST, { workerId }, worker(workerId))).workerWorklist;
  const due = async (variables: Record<string, unknown> = {}) =>
    dataOf(await service.graphql<{ followUpsDue: unknown }>(FOLLOW_UPS_DUE, variables, typeof variables.workerId === 'string' ? worker(variables.workerId) : WORKER)).followUpsDue;
  /** name, days overdue, tier: what a worker reads down the list. */
  const lines = (page: WorklistPage) => page.edges.map(({ node }) => [node.fullName, node.daysOverdue, node.tier]);
  const entryOf = async (name: string) => (await communityWorklist()).edges.find(({ node }) => node.residentId === ids[name])?.node;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-13T09:00:00+08:00');
    pool = service.app.get(RESIDENTS_POOL);
    // Everyone living alone is greeted daily from the day they are registered.
    await add('Liu Fang', resident('red', 'Liu Fang'));
    await add('Zhao Min', resident('red', 'Zhao Min'));
    await add('An Li', resident('green', 'An Li'));
    await add('Jiang Tao', resident('yellow', 'Jiang Tao', { jurisdiction: JINSONG, gridId: 'g04' }));
    service.clock.set('2026-01-14T09:00:00+08:00');
    await add('Qian Hua', resident('red', 'Qian Hua'));
    await add('Bai Yun', resident('yellow', 'Bai Yun'));
    service.clock.set('2026-01-15T09:00:00+08:00');
    await add('Cao Lin', resident('yellow', 'Cao Lin'));
    await add('Deng Wei', resident('green', 'Deng Wei'));
    // Followed up today: the next one is due tomorrow.
    await add('Fan Jing', resident('yellow', 'Fan Jing'));
    await care(service, ids['Fan Jing'], followUpDone(1, 'needs-referral'));
    // Infected: yellow, a health check every three days from today.
    await add('Han Mei', resident('green', 'Han Mei', { livingAlone: false }));
    await care(service, ids['Han Mei'], reportInfection());
    // Not living alone, not infected: no follow-ups.
    await add('Kong Yu', resident('green', 'Kong Yu', { livingAlone: false }));
    for (const name of ['Zhao Min', 'Bai Yun', 'Deng Wei', 'Jiang Tao', 'Fan Jing']) {
      dataOf(await service.graphql(ASSIGN, { input: { residentId: ids[name], workerId: 'chen-yawen', reason: 'her street' } }, LEAD));
    }
  });
  afterAll(async () => service.close());

  it("lists a community's follow-ups due today or overdue: most days overdue first, then red, yellow, green, then by name", async () => {
    const page = await communityWorklist();
    expect(page.asOf).toBe('2026-01-15');
    expect(lines(page)).toEqual([
      ['Liu Fang', 2, 'RED'],
      ['Zhao Min', 2, 'RED'],
      ['An Li', 2, 'GREEN'],
      ['Qian Hua', 1, 'RED'],
      ['Bai Yun', 1, 'YELLOW'],
      ['Cao Lin', 0, 'YELLOW'],
      ['Han Mei', 0, 'YELLOW'],
      ['Deng Wei', 0, 'GREEN'],
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[7].cursor });
  });

  it('shows each entry with its follow-up, its place and its worker', async () => {
    expect(await entryOf('Zhao Min')).toEqual<WorklistEntry>({
      residentId: ids['Zhao Min'],
      fullName: 'Zhao Min',
      tier: 'RED',
      communityId: XIAZHUANG.communityId,
      gridId: 'g12',
      followUpNumber: 1,
      dueOn: '2026-01-13',
      daysOverdue: 2,
      purposes: ['GREETING'],
      escalated: false,
      referralAssistance: false,
      lastOutcome: null,
      workerId: 'chen-yawen',
    });
    expect(await entryOf('Han Mei')).toMatchObject({ tier: 'YELLOW', dueOn: '2026-01-15', daysOverdue: 0, purposes: ['HEALTH_CHECK'], workerId: null });
  });

  it("lists a worker's residents wherever they live, in the same order", async () => {
    expect(lines(await workerWorklist('chen-yawen'))).toEqual([
      ['Zhao Min', 2, 'RED'],
      ['Jiang Tao', 2, 'YELLOW'],
      ['Bai Yun', 1, 'YELLOW'],
      ['Deng Wei', 0, 'GREEN'],
    ]);
    expect((await workerWorklist('nobody')).edges).toEqual([]);
  });

  it('counts follow-ups due today and overdue: the city, one community, one worker', async () => {
    expect(await due()).toEqual({ asOf: '2026-01-15', dueToday: 3, overdue: 6 });
    expect(await due({ communityId: XIAZHUANG.communityId })).toEqual({ asOf: '2026-01-15', dueToday: 3, overdue: 5 });
    expect(await due({ workerId: 'chen-yawen' })).toEqual({ asOf: '2026-01-15', dueToday: 1, overdue: 3 });
    expect(await due({ communityId: JINSONG.communityId, workerId: 'chen-yawen' })).toEqual({ asOf: '2026-01-15', dueToday: 0, overdue: 1 });
  });

  it('pages through a worklist with opaque cursors, in the same order', async () => {
    const all = await communityWorklist();
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 1; ; pages++) {
      const page = await communityWorklist(XIAZHUANG.communityId, 3, after);
      seen.push(...page.edges.map(({ node }) => node.residentId));
      if (!page.pageInfo.hasNextPage) {
        expect(pages).toBe(3);
        break;
      }
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(all.edges.map(({ node }) => node.residentId));
  });

  it('refuses a page size out of range and a cursor it did not give', async () => {
    const ask = (variables: Record<string, unknown>) => service.graphql(COMMUNITY_WORKLIST, { communityId: XIAZHUANG.communityId, ...variables }, WORKER);
    expect(errorOf(await ask({ first: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await ask({ first: 501 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await ask({ after: 'not-a-cursor' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorOf(await ask({ after: Buffer.from('["2026-01-15",1,"x","y"]').toString('base64url') }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('the next day: what was done yesterday is due, with its outcome; what is done today leaves the list', async () => {
    service.clock.set('2026-01-16T09:00:00+08:00');
    await care(service, ids['Liu Fang'], followUpDone(1, 'stable'));
    const page = await communityWorklist();
    expect(page.asOf).toBe('2026-01-16');
    expect(lines(page)).toEqual([
      ['Zhao Min', 3, 'RED'],
      ['An Li', 3, 'GREEN'],
      ['Qian Hua', 2, 'RED'],
      ['Bai Yun', 2, 'YELLOW'],
      ['Cao Lin', 1, 'YELLOW'],
      ['Han Mei', 1, 'YELLOW'],
      ['Deng Wei', 1, 'GREEN'],
      ['Fan Jing', 0, 'YELLOW'],
    ]);
    expect(page.edges[7].node).toMatchObject({ followUpNumber: 2, dueOn: '2026-01-16', referralAssistance: true, lastOutcome: 'NEEDS_REFERRAL', workerId: 'chen-yawen' });
  });

  it('escalates a resident not reached twice in a row, and follows her up again the next day', async () => {
    await care(service, ids['Deng Wei'], followUpDone(1, 'not-reached'));
    await care(service, ids['Deng Wei'], followUpDone(2, 'not-reached'));
    expect(await entryOf('Deng Wei')).toBeUndefined();
    service.clock.set('2026-01-17T09:00:00+08:00');
    expect(await entryOf('Deng Wei')).toMatchObject({ followUpNumber: 3, dueOn: '2026-01-17', daysOverdue: 0, escalated: true, lastOutcome: 'NOT_REACHED' });
  });

  it('follows a reassignment: the resident leaves one worker’s list for the other’s', async () => {
    dataOf(await service.graphql(ASSIGN, { input: { residentId: ids['Deng Wei'], workerId: 'li-ming', reason: 'Li Ming visits her building' } }, LEAD));
    expect((await workerWorklist('chen-yawen')).edges.map(({ node }) => node.fullName)).not.toContain('Deng Wei');
    expect((await workerWorklist('li-ming')).edges.map(({ node }) => [node.fullName, node.workerId, node.escalated])).toEqual([['Deng Wei', 'li-ming', true]]);
  });

  describe('rebuilt from the log', () => {
    it('gives the very same rows', async () => {
      await service.waitForProjections();
      const before = (await pool.query(SNAPSHOT)).rows;
      expect(before).toHaveLength(11);
      const progress = await service.projections.rebuild('follow-up-worklist');
      expect(progress.eventsApplied).toBeGreaterThan(40);
      expect((await pool.query(SNAPSHOT)).rows).toEqual(before);
    });

    it('gives the same rows one event at a time, as a live runner sees them arrive', async () => {
      const before = (await pool.query(SNAPSHOT)).rows;
      await service.projections.rebuild('follow-up-worklist', { pageSize: 1 });
      expect((await pool.query(SNAPSHOT)).rows).toEqual(before);
    });
  });
});
