import { Pool, PoolClient } from 'pg';
import { RESIDENTS_POOL } from '../database/residents-database.module';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CareDesk, DOCTOR, OTHER_WORKER, RESIDENTS } from './testing/care-fixtures';

const TABLES = {
  episodes: `SELECT episode_id, resident_id, onset_on::text, basis, symptoms, symptoms_recorded_on::text, reported_on::text, reported_by,
    to_json(reported_at)#>>'{}' AS reported_at, status, latest_spo2, antivirals, oxygen_litres, oxygen_fillings, oxygen_charge_fen,
    oxygen_reimbursable_fen, raised_follow_up_interval_days, raised_follow_up_reason, ended_on::text, home_treatment_outcome, ended_by
    FROM residents.infection_episodes ORDER BY episode_id`,
  readings: `SELECT reading_id, resident_id, episode_id, spo2, pulse, to_json(measured_at)#>>'{}' AS measured_at, measured_on::text, recorded_by,
    to_json(recorded_at)#>>'{}' AS recorded_at FROM residents.spo2_readings ORDER BY reading_id`,
  followUps: `SELECT resident_id, follow_up_number, due_on::text, interval_days, purposes, basis, status, replaces, replaced_by,
    to_json(scheduled_at)#>>'{}' AS scheduled_at, method, outcome, worker_id, note, completed_on::text, cancelled_on::text, escalated
    FROM residents.follow_ups ORDER BY resident_id, follow_up_number`,
  referrals: `SELECT request_id, resident_id, episode_id, reason, follow_up_number, requested_on::text, requested_by, to_json(requested_at)#>>'{}' AS requested_at
    FROM residents.referral_assistance_requests ORDER BY request_id`,
};

async function snapshot(db: Pool | PoolClient) {
  const entries = await Promise.all(Object.entries(TABLES).map(async ([name, sql]) => [name, (await db.query(sql)).rows] as const));
  return Object.fromEntries(entries);
}

describe('resident care read model: rebuilt from the log', () => {
  let service: ResidentsTestApp;
  let desk: CareDesk;
  let pool: Pool;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    desk = new CareDesk(service);
    pool = service.app.get(RESIDENTS_POOL);

    // Every care event, on residents of each kind, over a week.
    desk.on('2026-01-15');
    const [adult, elderly, alone] = [await desk.register(RESIDENTS.adult(1)), await desk.register(RESIDENTS.elderly(1)), await desk.register(RESIDENTS.alone(1))];
    await desk.reportInfection(adult, '2026-01-14');
    await desk.reportInfection(elderly, '2026-01-15');
    await desk.complete(adult, 1, 'NOT_REACHED');
    await desk.complete(elderly, 1, 'NEEDS_REFERRAL', OTHER_WORKER);
    await desk.complete(alone, 1, 'STABLE');
    await desk.do('raiseFollowUpFrequency', { residentId: adult, intervalDays: 1, reason: 'lives up six flights' });
    desk.on('2026-01-16');
    await desk.complete(adult, 3, 'NOT_REACHED');
    await desk.do('recordSymptoms', { residentId: adult, symptoms: ['COUGH'] });
    await desk.reading(adult, 91, '2026-01-16T08:00:00+08:00');
    await desk.reading(adult, 95, '2026-01-16T20:00:00+08:00');
    await desk.do('giveAntiviral', { residentId: elderly, drug: 'nirmatrelvir/ritonavir', courseDays: 5 }, DOCTOR);
    await desk.do('fillOxygen', { residentId: elderly, litres: 120, reimbursableShare: 0.8 }, DOCTOR);
    await desk.complete(elderly, 2, 'WORSE');
    await desk.reportInfection(alone, '2026-01-16');
    desk.on('2026-01-19');
    await desk.do('endHomeTreatment', { residentId: adult, outcome: 'RECOVERED' }, DOCTOR);
    await desk.do('endHomeTreatment', { residentId: alone, outcome: 'RECOVERED' }, DOCTOR);
    await service.waitForProjections();
  });
  afterAll(async () => service.close());

  it('covers what a rebuild must reproduce', async () => {
    const { episodes, readings, followUps, referrals } = await snapshot(pool);
    expect(episodes.map((row) => row.status).sort()).toEqual(['ended', 'ended', 'open']);
    expect(readings).toHaveLength(2);
    expect(new Set(followUps.map((row) => row.status))).toEqual(new Set(['pending', 'completed', 'replaced', 'cancelled']));
    expect(followUps.some((row) => row.escalated)).toBe(true);
    expect(referrals).toHaveLength(1);
  });

  it('gives the very same rows', async () => {
    const before = await snapshot(pool);
    const progress = await service.projections.rebuild('resident-care');
    expect(progress.eventsApplied).toBeGreaterThan(30);
    expect(await snapshot(pool)).toEqual(before);
  });

  it('gives the same rows one event at a time, as a live runner sees them arrive', async () => {
    const before = await snapshot(pool);
    await service.projections.rebuild('resident-care', { pageSize: 1 });
    expect(await snapshot(pool)).toEqual(before);
  });
});
