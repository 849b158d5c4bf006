import { RecordedEvent } from '@gridcare/event-store';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { referralPolicyStream, referralStream, ReferralTriggerSkippedData } from '@gridcare/referrals-contracts';
import { defaultRoutingPolicy, referralIdForTrigger, route, skipEventIdForTrigger } from '@gridcare/referrals-domain';
import { ReferralRequests } from '../referrals/referral-requests.service';
import { RoutingNetwork } from '../routing/routing-network';
import { fixtureNetwork, SECOND_LEVEL_FEVER, SECOND_LEVEL_ICU, TERTIARY_G01 } from '../testing/network-fixtures';
import { CANCEL, FAMILY_DOCTOR } from '../testing/referral-queries';
import { ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';
import {
  aResident,
  appendResidentEvents,
  moved,
  referralAssistanceRequested,
  registerResident,
  Resident,
  spo2Recorded,
  triaged,
} from '../testing/resident-events';
import { REFERRAL_POLICY, REFERRAL_POLICY_ACTOR } from './referral.policy';

interface DecisionRow {
  referral_id: string;
  causation_id: string;
  correlation_id: string;
  actor_id: string;
  actor_role: string;
  applied_rule: string;
  facility_id: string;
  inputs: Record<string, unknown>;
}

async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the referral policy: residents events open referrals, once per trigger', () => {
  let database: TestDatabase;
  let service: ReferralsTestApp;

  const store = () => service.store;
  const decisionOf = async (referralId: string): Promise<DecisionRow | undefined> =>
    (await service.pool.query<DecisionRow>('SELECT * FROM referrals.routing_decisions WHERE referral_id = $1', [referralId])).rows[0];
  const referralsOf = async (resident: Resident) =>
    (await service.pool.query<{ referral_id: string; status: string }>('SELECT referral_id, status FROM referrals.referrals WHERE resident_id = $1 ORDER BY requested_at', [resident.id])).rows;
  const skipsOf = async (resident: Resident) => (await store().readStream(referralPolicyStream(resident.id))).map((event) => event.data as ReferralTriggerSkippedData);
  /** Everything the policy has written so far: every referral requested, every trigger skipped. */
  const written = async () => {
    const { rows } = await service.pool.query<{ type: string; n: number }>(
      `SELECT event_type AS type, count(*)::int AS n FROM event_store.events WHERE event_type IN ('ReferralRequested', 'ReferralTriggerSkipped') GROUP BY event_type ORDER BY event_type`,
    );
    return rows;
  };
  const registered = async (overrides: Partial<Resident> = {}) => {
    const resident = aResident(overrides);
    await registerResident(store(), resident);
    return resident;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    service = await startReferralsTestApp({ network: fixtureNetwork(), database });
  });
  afterAll(async () => {
    await service?.close();
    await database.drop();
  });

  describe('each kind of trigger opens a referral with its routing decision, caused by the trigger', () => {
    it('an infected resident entering red: a high-risk elderly resident straight to the grid tertiary hospital', async () => {
      const resident = await registered({ birthDate: '1950-03-01', conditions: [{ code: 'copd', controlled: true }] });
      const [trigger] = await appendResidentEvents(store(), resident, [triaged(resident, { tier: 'red', previousTier: 'yellow', infected: true, ageYears: 75 })]);
      await service.settlePolicy();

      const referralId = referralIdForTrigger(trigger.id);
      expect(await referralsOf(resident)).toEqual([{ referral_id: referralId, status: 'requested' }]);
      expect(await decisionOf(referralId)).toMatchObject({
        causation_id: trigger.id,
        correlation_id: trigger.metadata.correlationId,
        actor_id: REFERRAL_POLICY_ACTOR.id,
        actor_role: 'system',
        applied_rule: 'high-risk-elderly-to-tertiary',
        facility_id: TERTIARY_G01,
        inputs: { direction: 'up', tier: 'red', severity: 'moderate', ageYears: 75, highRisk: true, needsIcu: false, gridId: 'g01', spo2: null },
      });
      const [requested] = await store().readStream(referralStream(referralId));
      expect(requested.metadata).toMatchObject({ actor: REFERRAL_POLICY_ACTOR, causationId: trigger.id });
    });

    it('an SpO2 reading below 93: severe, within the grid to an emergency department', async () => {
      const resident = await registered();
      const [trigger] = await appendResidentEvents(store(), resident, [spo2Recorded(resident, 91)]);
      await service.settlePolicy();

      expect(await decisionOf(referralIdForTrigger(trigger.id))).toMatchObject({
        causation_id: trigger.id,
        applied_rule: 'severe-to-emergency-department',
        facility_id: SECOND_LEVEL_ICU,
        inputs: { tier: 'green', severity: 'severe', spo2: 91, ageYears: 58, highRisk: false },
      });
    });

    it('a request for referral assistance: within the grid to a fever clinic', async () => {
      const resident = await registered();
      const [trigger] = await appendResidentEvents(store(), resident, [referralAssistanceRequested(resident)]);
      await service.settlePolicy();

      expect(await decisionOf(referralIdForTrigger(trigger.id))).toMatchObject({
        causation_id: trigger.id,
        applied_rule: 'upward-within-grid',
        facility_id: SECOND_LEVEL_FEVER,
        inputs: { severity: 'moderate', tier: 'green', spo2: null },
      });
    });

    it('routes a batch on one read of the hospitals: the same decision as on the whole capacity read model', async () => {
      const { rows } = await service.pool.query(`SELECT inputs, grid, capacity_snapshot, fired_rules, facility_id FROM referrals.routing_decisions WHERE actor_id = 'referral-policy'`);
      expect(rows).toHaveLength(3);
      const whole = await service.app.get(RoutingNetwork).capacitySnapshot();
      expect(whole.some((facility) => facility.level === 'grassroots')).toBe(true);
      for (const row of rows) {
        const rerun = route(row.inputs, whole, row.grid, defaultRoutingPolicy().document);
        expect([rerun.firedRules, rerun.outcome.facilityId, rerun.capacitySnapshot]).toEqual([row.fired_rules, row.facility_id, row.capacity_snapshot]);
      }
    });

    it('nothing else: a reading at 93, a red resident triaged again, a resident who is not infected', async () => {
      const before = await written();
      const resident = await registered();
      await appendResidentEvents(store(), resident, [
        spo2Recorded(resident, 93),
        triaged(resident, { tier: 'red', previousTier: 'red', infected: true, kind: 'spo2-reading' }),
        triaged(resident, { tier: 'red', previousTier: 'green', infected: false, kind: 'facts-corrected' }),
      ]);
      await service.settlePolicy();
      expect(await written()).toEqual(before);
    });
  });

  describe('one open referral per resident at a time', () => {
    let resident: Resident;
    let first: RecordedEvent;
    let second: RecordedEvent;

    it('a low reading and the triage it causes (one append) open one referral; the second trigger is skipped, naming it', async () => {
      resident = await registered();
      [first, second] = await appendResidentEvents(store(), resident, [
        spo2Recorded(resident, 90),
        triaged(resident, { tier: 'red', previousTier: 'yellow', infected: true, kind: 'spo2-reading', latestSpo2: 90 }),
      ]);
      await service.settlePolicy();

      const open = referralIdForTrigger(first.id);
      expect(await referralsOf(resident)).toEqual([{ referral_id: open, status: 'requested' }]);
      expect(await skipsOf(resident)).toEqual([
        {
          residentId: resident.id,
          trigger: { kind: 'red-and-infected', eventId: second.id, eventType: 'ResidentTriaged' },
          reason: 'open-referral',
          openReferralId: open,
          refusal: null,
          policy: { id: 'referral-policy', version: '2026.1', hash: service.policy.document.hash },
        },
      ]);
      const [skipped] = await store().readStream(referralPolicyStream(resident.id));
      expect(skipped).toMatchObject({ id: skipEventIdForTrigger(second.id), metadata: { actor: REFERRAL_POLICY_ACTOR, causationId: second.id, correlationId: second.metadata.correlationId } });
    });

    it('a later trigger, in a later batch, is skipped too while the referral is open', async () => {
      const [third] = await appendResidentEvents(store(), resident, [referralAssistanceRequested(resident)]);
      await service.settlePolicy();
      expect((await referralsOf(resident)).map((referral) => referral.referral_id)).toEqual([referralIdForTrigger(first.id)]);
      expect((await skipsOf(resident)).map((skip) => [skip.trigger.eventId, skip.reason])).toEqual([
        [second.id, 'open-referral'],
        [third.id, 'open-referral'],
      ]);
    });

    it('once the referral has ended, the next trigger opens another', async () => {
      await service.ok(CANCEL, { id: referralIdForTrigger(first.id), reason: 'admitted elsewhere by the family' }, FAMILY_DOCTOR);
      const [fourth] = await appendResidentEvents(store(), resident, [spo2Recorded(resident, 89, '2026-01-16')]);
      await service.settlePolicy();
      expect(await referralsOf(resident)).toEqual([
        { referral_id: referralIdForTrigger(first.id), status: 'cancelled' },
        { referral_id: referralIdForTrigger(fourth.id), status: 'requested' },
      ]);
    });

    it("a trigger routing refuses (the resident moved to a community no grid covers) is skipped with routing's reason", async () => {
      const away = await registered();
      await appendResidentEvents(store(), away, [moved(away, 'd09-s001-c001')]);
      const [trigger] = await appendResidentEvents(store(), away, [referralAssistanceRequested(away)]);
      await service.settlePolicy();
      expect(await referralsOf(away)).toEqual([]);
      expect(await skipsOf(away)).toMatchObject([{ trigger: { eventId: trigger.id }, reason: 'routing-refused', refusal: 'communityId: community d09-s001-c001 maps onto no grid' }]);
    });

    it('a trigger for a resident the service never saw registered is skipped as not known', async () => {
      const stranger = aResident();
      const [trigger] = await appendResidentEvents(store(), stranger, [referralAssistanceRequested(stranger)]);
      await service.settlePolicy();
      expect(await referralsOf(stranger)).toEqual([]);
      expect(await skipsOf(stranger)).toMatchObject([{ trigger: { eventId: trigger.id }, reason: 'resident-not-known', openReferralId: null }]);
    });
  });

  it('a redelivered event opens nothing new: the whole log again, from a lost checkpoint', async () => {
    const before = await written();
    const referralsBefore = (await service.pool.query('SELECT * FROM referrals.referrals ORDER BY referral_id')).rows;
    const handled = service.policy.status().alreadyHandled;

    await service.policy.runner.stop();
    await service.pool.query('DELETE FROM referrals.projection_checkpoints WHERE projection = $1', [REFERRAL_POLICY]);
    service.policy.runner.start();
    // Every trigger so far is delivered again: each is found opened, or recorded as skipped. The
    // resident whose first referral was cancelled meanwhile keeps their skipped triggers skipped.
    const triggers = before.reduce((sum, row) => sum + row.n, 0);
    await eventually(() => service.policy.status().alreadyHandled === handled + triggers);
    await service.settlePolicy();

    expect(service.policy.status()).toMatchObject({ running: true, lastError: null });
    expect(await written()).toEqual(before);
    expect((await service.pool.query('SELECT * FROM referrals.referrals ORDER BY referral_id')).rows).toEqual(referralsBefore);
  });

  it('the same event handled twice in a row (a batch retried) opens nothing new, even before the read model shows the referral', async () => {
    const resident = await registered();
    const requests = service.app.get(ReferralRequests);
    const requestMany = requests.requestMany.bind(requests);
    const before = service.policy.status();
    let calls = 0;
    // The first attempt opens the referral, then fails as a lost connection would: the batch is retried.
    const failing = jest.spyOn(requests, 'requestMany').mockImplementation(async (...args) => {
      calls++;
      const outcomes = await requestMany(...args);
      if (calls === 1) throw new Error('connection terminated unexpectedly');
      return outcomes;
    });
    // And the retry finds no referral in the read model, as if it lagged: the store's refusal is the last guard.
    const lagging = jest.spyOn(service.policy as unknown as { loadReferrals: () => Promise<Map<string, unknown>> }, 'loadReferrals').mockResolvedValue(new Map());
    try {
      const [trigger] = await appendResidentEvents(store(), resident, [referralAssistanceRequested(resident)]);
      await service.settlePolicy();
      expect(calls).toBe(2);
      expect(service.policy.status()).toMatchObject({ opened: before.opened, alreadyHandled: before.alreadyHandled + 1, lastError: null });
      expect(await referralsOf(resident)).toEqual([{ referral_id: referralIdForTrigger(trigger.id), status: 'requested' }]);
      expect(await store().readStream(referralStream(referralIdForTrigger(trigger.id)))).toHaveLength(1);
    } finally {
      failing.mockRestore();
      lagging.mockRestore();
    }
  });

  it('a restart after the referral was opened but before the checkpoint moved opens nothing new', async () => {
    const resident = await registered();
    const requests = service.app.get(ReferralRequests);
    const requestMany = requests.requestMany.bind(requests);
    // The process dies right after opening: the batch never commits its checkpoint.
    const dying = jest.spyOn(requests, 'requestMany').mockImplementation(async (...args) => {
      await requestMany(...args);
      throw new Error('the process was killed');
    });
    const [trigger] = await appendResidentEvents(store(), resident, [spo2Recorded(resident, 88)]);
    const referralId = referralIdForTrigger(trigger.id);
    await eventually(async () => (await store().readStream(referralStream(referralId))).length === 1);
    await eventually(() => service.policy.status().lastError !== null);
    const checkpoint = (await service.pool.query('SELECT commit_position, prepare_position FROM referrals.projection_checkpoints WHERE projection = $1', [REFERRAL_POLICY])).rows[0];
    expect(BigInt(checkpoint.commit_position)).toBeLessThanOrEqual(trigger.position.commit);
    await service.close();
    dying.mockRestore();

    // A new instance of the service on the same log and database resumes from the checkpoint.
    service = await startReferralsTestApp({ database });
    await service.settlePolicy();
    expect(service.policy.status()).toMatchObject({ running: true, lastError: null, opened: 0 });
    expect(service.policy.status().alreadyHandled).toBeGreaterThanOrEqual(1);
    expect(await referralsOf(resident)).toEqual([{ referral_id: referralId, status: 'requested' }]);
    expect(await store().readStream(referralStream(referralId))).toHaveLength(1);
    const { rows } = await service.pool.query('SELECT count(*)::int AS n FROM referrals.routing_decisions WHERE causation_id = $1', [trigger.id]);
    expect(rows).toEqual([{ n: 1 }]);
  });
});
