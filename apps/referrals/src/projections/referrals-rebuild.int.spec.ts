import { fold } from '@gridcare/decider';
import { CITY_COMMAND_CENTRE } from '@gridcare/identity/testing';
import { facilityStream, referralStream } from '@gridcare/referrals-contracts';
import { FacilityEvent, facilityDecider, icuBedsOf, referralDecider, ReferralEvent } from '@gridcare/referrals-domain';
import { fixtureNetwork, HOME_STATION, SECOND_LEVEL_FEVER, SECOND_LEVEL_ICU, TERTIARY_G01 } from '../testing/network-fixtures';
import { ACCEPT, ADMIT, CANCEL, DECLINE, deskNamedIn, deskOf, DISCHARGE, FAMILY_DOCTOR, IN_TRANSIT, REFER_DOWN, ReferralData, REQUEST, requestInput } from '../testing/referral-queries';
import { ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';
import { aResident, appendResidentEvents, moved, referralAssistanceRequested, registerResident, spo2Recorded, triaged } from '../testing/resident-events';

const OBSERVE = `mutation ($id: ID!, $facilityId: ID!) { recordEmergencyObservation(referralId: $id, facilityId: $facilityId) { id } }`;

const TABLES = {
  facilities: 'facility_id',
  facility_capacity: 'facility_id',
  grids: 'grid_id',
  grid_communities: 'community_id',
  community_facilities: 'community_id, facility_id',
  referrals: 'referral_id',
  routing_decisions: 'decision_id',
  emergency_observations: 'observation_id',
  referral_trigger_skips: 'trigger_event_id',
  resident_facts: 'resident_id',
};

describe('referrals read models: rebuilt from the log', () => {
  let service: ReferralsTestApp;

  /** As the desk of the facility the variables name, unless said. */
  const ok = <T>(document: string, variables: Record<string, unknown>, actor = deskNamedIn(variables)) => service.ok<T>(document, variables, actor);
  const request = async (overrides: Record<string, unknown> = {}) =>
    (await ok<{ requestReferral: ReferralData }>(REQUEST, { input: requestInput(overrides) }, FAMILY_DOCTOR)).requestReferral;

  async function snapshot() {
    const rows: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(TABLES)) rows[table] = (await service.pool.query(`SELECT * FROM referrals.${table} ORDER BY ${key}`)).rows;
    return rows;
  }

  beforeAll(async () => {
    service = await startReferralsTestApp({ network: fixtureNetwork() });
    // A facility registered after the grids, a capacity report, and every step of the lifecycle.
    await ok(`mutation { registerFacility(input: { id: "vc-d01-s002-c001", name: "Village Clinic", kind: VILLAGE_CLINIC, districtId: "d01",
      location: { latitude: 39.95, longitude: 116.45 }, capabilities: [], communityIds: ["d01-s002-c001"] }) { id } }`, {}, CITY_COMMAND_CENTRE);
    await ok(`mutation { changeFacilityCapacity(input: { facilityId: "${TERTIARY_G01}", icuBedsOpen: 52, icuBedsOccupied: 41, criticalCareDoctors: 100, criticalCareNurses: 200 }) { id } }`, {}, deskOf(TERTIARY_G01));

    const up = await request();
    await ok(ACCEPT, { id: up.id, facilityId: SECOND_LEVEL_FEVER });
    await ok(IN_TRANSIT, { id: up.id }, deskOf(SECOND_LEVEL_FEVER));
    await ok(ADMIT, { id: up.id, facilityId: SECOND_LEVEL_FEVER });
    const down = (await ok<{ referDown: ReferralData }>(REFER_DOWN, { input: { referralId: up.id, facilityId: SECOND_LEVEL_FEVER, severity: 'MILD' } })).referDown;
    await ok(ACCEPT, { id: down.id, facilityId: HOME_STATION });
    await ok(IN_TRANSIT, { id: down.id }, deskOf(HOME_STATION));
    await ok(ADMIT, { id: down.id, facilityId: HOME_STATION });
    await ok(DISCHARGE, { id: down.id, facilityId: HOME_STATION });

    const critical = await Promise.all([request({ severity: 'CRITICAL' }), request({ severity: 'CRITICAL' })]);
    await Promise.all(critical.map((referral) => ok(ACCEPT, { id: referral.id, facilityId: SECOND_LEVEL_ICU })));
    const [held] = (await Promise.all(critical.map((referral) => service.ok<{ referral: ReferralData }>(`query { referral(id: "${referral.id}") { id status facilityId } }`))))
      .map((response) => response.referral)
      .filter((referral) => referral.status === 'ACCEPTED');
    await ok(IN_TRANSIT, { id: held.id }, deskOf(SECOND_LEVEL_ICU));
    await ok(ADMIT, { id: held.id, facilityId: SECOND_LEVEL_ICU });

    const elderly = await request({ ageYears: 80, highRisk: true });
    await ok(DECLINE, { id: elderly.id, facilityId: TERTIARY_G01, reason: 'NO_CAPABILITY' });
    const another = await request({ needsIcu: true });
    await ok(ACCEPT, { id: another.id, facilityId: another.facilityId });
    await ok(CANCEL, { id: another.id, reason: 'died before transfer' }, FAMILY_DOCTOR);

    // Emergency-department observation: one still going on, one ended by an admission.
    for (const admitted of [false, true]) {
      const severe = await request({ spo2: 91 });
      await ok(ACCEPT, { id: severe.id, facilityId: severe.facilityId });
      await ok(IN_TRANSIT, { id: severe.id }, deskOf(severe.facilityId));
      await ok(OBSERVE, { id: severe.id, facilityId: severe.facilityId });
      if (admitted) await ok(ADMIT, { id: severe.id, facilityId: severe.facilityId });
    }

    // Residents' events: the facts the referrals service keeps, and the referrals the policy opens.
    const movedAway = aResident({ birthDate: '1948-02-02', conditions: [{ code: 'stroke', controlled: true }] });
    await registerResident(service.store, movedAway);
    await appendResidentEvents(service.store, movedAway, [moved(movedAway, 'd02-s001-c001')]);
    await appendResidentEvents(service.store, movedAway, [triaged(movedAway, { tier: 'red', previousTier: 'yellow', infected: true, ageYears: 77 })]);
    const reading = aResident();
    await registerResident(service.store, reading);
    await appendResidentEvents(service.store, reading, [spo2Recorded(reading, 90), referralAssistanceRequested(reading)]);
    await service.settlePolicy();
  });
  afterAll(async () => service.close());

  it('covers the cases a rebuild must reproduce', async () => {
    const rows = await snapshot();
    const statuses = new Set(rows.referrals.map((row) => (row as { status: string }).status));
    expect(statuses).toEqual(new Set(['referred-down', 'discharged', 'admitted', 'requested', 'cancelled', 'under-observation']));
    expect(rows.emergency_observations.map((row) => (row as { ended_by: string | null }).ended_by).sort()).toEqual(['admitted', null]);
    expect(rows.resident_facts).toHaveLength(2);
    // Where each lives, down to district and street: the registration's, or the move's.
    expect(rows.resident_facts.find((row) => (row as { community_id: string }).community_id === 'd02-s001-c001')).toMatchObject({
      district_id: 'd02',
      street_id: 'd02-s001',
      grid_id: 'g02',
      tier: 'red',
      infected: true,
    });
    expect(rows.resident_facts.find((row) => (row as { community_id: string }).community_id === 'd01-s001-c001')).toMatchObject({ district_id: 'd01', street_id: 'd01-s001', grid_id: 'g01' });
    expect(rows.referrals.filter((row) => (row as { requested_by: string }).requested_by === 'referral-policy')).toHaveLength(2);
    expect(rows.referral_trigger_skips).toMatchObject([{ trigger_kind: 'referral-assistance', reason: 'open-referral' }]);
    expect(rows.routing_decisions.filter((row) => (row as { kind: string }).kind === 'redirect')).toHaveLength(2);
    expect(rows.facilities.find((row) => (row as { facility_id: string }).facility_id === 'vc-d01-s002-c001')).toMatchObject({ grid_id: null });
  });

  it('shows each facility\'s capacity as its stream, folded with the facility decider, has it', async () => {
    const { rows } = await service.pool.query('SELECT * FROM referrals.facility_capacity');
    for (const row of rows) {
      const events = await service.store.readStream(facilityStream(row.facility_id));
      const state = fold(facilityDecider, events as unknown as FacilityEvent[]);
      if (state.status !== 'registered') throw new Error(`${row.facility_id} is not registered`);
      expect({ facility: row.facility_id, ...icuBedsOf(state), doctors: state.criticalCareDoctors, nurses: state.criticalCareNurses, revision: events.length - 1 }).toEqual({
        facility: row.facility_id,
        open: row.icu_beds_open,
        occupied: row.icu_beds_occupied,
        held: row.icu_beds_held,
        doctors: row.critical_care_doctors,
        nurses: row.critical_care_nurses,
        revision: row.facility_revision,
      });
    }
  });

  it('shows each referral as its stream, folded with the referral decider, has it', async () => {
    const { rows } = await service.pool.query('SELECT * FROM referrals.referrals');
    for (const row of rows) {
      const state = fold(referralDecider, (await service.store.readStream(referralStream(row.referral_id))) as unknown as ReferralEvent[]);
      if (state.status === 'none') throw new Error(`${row.referral_id} was never requested`);
      expect({ status: row.status, facilityId: row.facility_id, icuBedHeld: row.icu_bed_held, icuBedRequired: row.icu_bed_required, direction: row.direction }).toEqual({
        status: state.status,
        facilityId: state.facilityId,
        icuBedHeld: state.icuBedHeld,
        icuBedRequired: state.icuBedRequired,
        direction: state.direction,
      });
    }
  });

  it('rebuilds every read model to the very same rows', async () => {
    const before = await snapshot();
    expect(service.projections.runners.map((runner) => runner.name).sort()).toEqual(['emergency-observations', 'referral-network', 'referrals', 'resident-facts']);
    for (const { name } of service.projections.readModels) expect((await service.projections.rebuild(name)).eventsApplied).toBeGreaterThan(0);
    await service.waitForProjections();
    expect(await snapshot()).toEqual(before);
    expect(service.projections.runners.every((runner) => runner.status().running)).toBe(true);
  });

  it('rebuilds to the same rows from one event at a time, as live runners see the log', async () => {
    const before = await snapshot();
    for (const { name } of service.projections.readModels) await service.projections.rebuild(name, { pageSize: 1 });
    expect(await snapshot()).toEqual(before);
  });
});
