import { referralStream, ROUTING_POLICY_STREAM } from '@gridcare/referrals-contracts';
import { defaultRoutingPolicy, route } from '@gridcare/referrals-domain';
import { ReferralRequests } from '../referrals/referral-requests.service';
import { COMMUNITY, fixtureNetwork, HOME_STATION, ICU_HOSPITALS, SECOND_LEVEL_FEVER, SECOND_LEVEL_ICU, TERTIARY_G01, TERTIARY_G03 } from '../testing/network-fixtures';
import { FAMILY_DOCTOR, REQUEST, requestInput, RESIDENT_ID } from '../testing/referral-queries';
import { ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';

interface Decision {
  kind: string;
  firedRules: string[];
  appliedRule: string;
  policy: { id: string; version: string; hash: string };
  inputs: Record<string, unknown> & { from: { facilityId: string; level: string } };
  capacitySnapshot: { facilityId: string; icuBeds: { free: number } }[];
  outcome: { channel: string; facilityId: string; level: string; gridId: string; foundIn: string; distanceKm: number; icuBedRequired: boolean; overCapacity: boolean };
  actorId: string;
  actorRole: string;
}
interface Requested {
  requestReferral: { id: string; status: string; channel: string; facilityId: string; fromFacilityId: string; decision: Decision };
}

const POLICY = defaultRoutingPolicy();
const REFERRAL_POLICY_ACTOR = { id: 'referral-policy', role: 'system' };

describe('routing: requestReferral records the decision of each rule of the routing policy', () => {
  let service: ReferralsTestApp;

  const request = async (overrides: Record<string, unknown>) => (await service.ok<Requested>(REQUEST, { input: requestInput(overrides) }, FAMILY_DOCTOR)).requestReferral;

  beforeAll(async () => {
    service = await startReferralsTestApp({ network: fixtureNetwork() });
  });
  afterAll(async () => service.close());

  it('publishes the shipped routing policy on start, once', async () => {
    const published = await service.store.readStream(ROUTING_POLICY_STREAM);
    expect(published.map((event) => event.type)).toEqual(['RoutingPolicyPublished']);
    expect(published[0].data).toMatchObject({ hash: POLICY.hash, policy: { version: '2026.1' } });
  });

  it('critically ill: the green channel to the nearest free ICU bed in any grid, passing over a full hospital', async () => {
    const referral = await request({ severity: 'CRITICAL', tier: 'RED', spo2: 88, ageYears: 58 });
    expect(referral).toMatchObject({ status: 'REQUESTED', channel: 'GREEN_CHANNEL', facilityId: SECOND_LEVEL_ICU, fromFacilityId: HOME_STATION });
    const { decision } = referral;
    expect(decision).toMatchObject({
      kind: 'REQUEST',
      policy: { id: 'routing', version: '2026.1', hash: POLICY.hash },
      firedRules: ['critically-ill-green-channel', 'severe-to-emergency-department', 'upward-within-grid'],
      appliedRule: 'critically-ill-green-channel',
      outcome: { channel: 'GREEN_CHANNEL', facilityId: SECOND_LEVEL_ICU, level: 'SECOND_LEVEL', gridId: 'g01', foundIn: 'ANY_GRID', distanceKm: 2, icuBedRequired: true, overCapacity: false },
      actorId: FAMILY_DOCTOR.actorId,
      actorRole: 'family_doctor',
    });
    // The inputs as seen: the resident's grid, the home station as the referring facility.
    expect(decision.inputs).toMatchObject({
      direction: 'UP',
      tier: 'RED',
      severity: 'CRITICAL',
      spo2: 88,
      ageYears: 58,
      highRisk: false,
      needsIcu: false,
      gridId: 'g01',
      homeFacilityId: HOME_STATION,
      excludedFacilityIds: [],
      from: { facilityId: HOME_STATION, level: 'GRASSROOTS' },
    });
    // The capacity it used: the full hospital across the road, then the one chosen.
    expect(decision.capacitySnapshot.map((facility) => [facility.facilityId, facility.icuBeds.free])).toEqual([
      [TERTIARY_G03, 0],
      [SECOND_LEVEL_ICU, 1],
    ]);
  });

  it('needing intensive care is the green channel too', async () => {
    const referral = await request({ needsIcu: true });
    expect(referral.decision).toMatchObject({ appliedRule: 'critically-ill-green-channel', outcome: { facilityId: SECOND_LEVEL_ICU, icuBedRequired: true } });
  });

  it('high-risk elderly: directly to the grid tertiary hospital', async () => {
    const referral = await request({ ageYears: 72, highRisk: true, tier: 'RED' });
    expect(referral.decision).toMatchObject({
      firedRules: ['high-risk-elderly-to-tertiary', 'upward-within-grid'],
      appliedRule: 'high-risk-elderly-to-tertiary',
      outcome: { channel: 'DIRECT_TO_TERTIARY', facilityId: TERTIARY_G01, level: 'TERTIARY', gridId: 'g01', foundIn: 'GRID', icuBedRequired: false },
    });
  });

  it('severe, or a low SpO2: within the grid, the lowest level with an emergency department', async () => {
    for (const overrides of [{ severity: 'SEVERE' }, { spo2: 91 }]) {
      const referral = await request(overrides);
      expect(referral.decision).toMatchObject({
        firedRules: ['severe-to-emergency-department', 'upward-within-grid'],
        outcome: { channel: 'WITHIN_GRID', facilityId: SECOND_LEVEL_ICU, level: 'SECOND_LEVEL', foundIn: 'GRID', icuBedRequired: false },
      });
    }
  });

  it('any other upward referral: within the grid, the lowest level with a fever clinic', async () => {
    const referral = await request({});
    expect(referral.decision).toMatchObject({
      firedRules: ['upward-within-grid'],
      appliedRule: 'upward-within-grid',
      outcome: { channel: 'WITHIN_GRID', facilityId: SECOND_LEVEL_FEVER, foundIn: 'GRID' },
    });
    // The nearer second-level hospital has no fever clinic: it was looked at and passed over.
    expect(referral.decision.capacitySnapshot.map((facility) => facility.facilityId)).toEqual([SECOND_LEVEL_ICU, SECOND_LEVEL_FEVER]);
  });

  it('a stable patient referred down: home first', async () => {
    const referral = await request({ direction: 'DOWN', fromFacilityId: TERTIARY_G01, severity: 'MILD' });
    expect(referral.decision).toMatchObject({
      firedRules: ['stable-back-to-grassroots'],
      outcome: { channel: 'REHABILITATION', facilityId: HOME_STATION, level: 'GRASSROOTS', foundIn: 'HOME_FACILITY' },
      inputs: { direction: 'DOWN', from: { facilityId: TERTIARY_G01, level: 'TERTIARY' } },
    });
  });

  it('refuses to refer down a patient who is not stable, naming the field', async () => {
    const response = await service.graphql(REQUEST, { input: requestInput({ direction: 'DOWN', fromFacilityId: TERTIARY_G01, severity: 'SEVERE' }) }, FAMILY_DOCTOR);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'severity', reason: 'NO_ROUTING_RULE_FIRED' });
  });

  it('every recorded decision re-runs to the same outcome on its own inputs, grid and snapshot', async () => {
    const { rows } = await service.pool.query('SELECT inputs, grid, capacity_snapshot, fired_rules, applied_rule, facility_id FROM referrals.routing_decisions');
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const row of rows) {
      const rerun = route(row.inputs, row.capacity_snapshot, row.grid, POLICY.document);
      expect([rerun.appliedRule, rerun.firedRules, rerun.outcome.facilityId]).toEqual([row.applied_rule, row.fired_rules, row.facility_id]);
    }
  });

  it('over capacity: with no free ICU bed in the city, the nearest emergency department, holding no bed', async () => {
    for (const { id, open } of ICU_HOSPITALS) {
      await service.ok(`mutation ($input: FacilityCapacityInput!) { changeFacilityCapacity(input: $input) { id } }`, {
        input: { facilityId: id, icuBedsOpen: open, icuBedsOccupied: open, criticalCareDoctors: 1, criticalCareNurses: 1 },
      });
    }
    const referral = await request({ severity: 'CRITICAL' });
    expect(referral.decision).toMatchObject({
      appliedRule: 'critically-ill-green-channel',
      outcome: { channel: 'GREEN_CHANNEL', facilityId: TERTIARY_G03, foundIn: 'ANY_GRID', icuBedRequired: false, overCapacity: true },
    });
    expect(referral.decision.capacitySnapshot.every((facility) => facility.icuBeds.free === 0)).toBe(true);
  });

  it('the referral policy seam: a request with a causation and a referral id derived from it, opened once', async () => {
    const requests = service.app.get(ReferralRequests);
    const context = { actor: REFERRAL_POLICY_ACTOR, causationId: 'c0000000-0000-4000-8000-000000000001' };
    const referralId = 'a0000000-0000-4000-8000-0000000000aa';
    const input = { referralId, residentId: RESIDENT_ID, communityId: COMMUNITY, fromFacilityId: null, tier: 'red' as const, severity: 'moderate' as const, spo2: 92, ageYears: 40, highRisk: false, needsIcu: false };
    const { position } = await requests.request(input, context);
    await expect(requests.request(input, context)).rejects.toMatchObject({ code: 'REFERRAL_ALREADY_REQUESTED' });
    const [requested] = await service.store.readStream(referralStream(referralId));
    expect(requested.metadata).toMatchObject({ actor: REFERRAL_POLICY_ACTOR, causationId: context.causationId });
    if (position) await service.projections.waitFor(position);
    const { rows } = await service.pool.query('SELECT causation_id, actor_id, applied_rule FROM referrals.routing_decisions WHERE referral_id = $1', [referralId]);
    expect(rows).toEqual([{ causation_id: context.causationId, actor_id: REFERRAL_POLICY_ACTOR.id, applied_rule: 'severe-to-emergency-department' }]);
  });
});
