import { fixtureNetwork, SECOND_LEVEL_FEVER, SECOND_LEVEL_ICU, TERTIARY_G01 } from '../testing/network-fixtures';
import { ACCEPT, ADMIT, DECLINE, DISCHARGE, deskOf, FAMILY_DOCTOR, IN_TRANSIT, REFERRAL_FIELDS, ReferralData, REQUEST, requestInput } from '../testing/referral-queries';
import { ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';

const OBSERVE = `mutation ($id: ID!, $facilityId: ID!) { recordEmergencyObservation(referralId: $id, facilityId: $facilityId) { ${REFERRAL_FIELDS} } }`;
const OBSERVATION_FIELDS = 'id referralId residentId facilityId gridId startedAt endedAt endedBy hours breached referral { id status }';
const BREACHES = `query ($facilityId: ID, $gridId: ID) { emergencyObservationBreaches(facilityId: $facilityId, gridId: $gridId) { ${OBSERVATION_FIELDS} } }`;
const COUNTS = `query ($level: EmergencyObservationLevel!, $gridId: ID) { emergencyObservationCounts(level: $level, gridId: $gridId) { level id underObservation breaches oldestStartedAt } }`;
const AT_FACILITY = `query ($id: ID!) { facility(id: $id) { emergencyObservations { underObservation breaches oldestStartedAt } } }`;
const IN_GRID = `query ($id: ID!) { grid(id: $id) { emergencyObservations { underObservation breaches oldestStartedAt } } }`;

const HOUR = 3_600_000;
const START = '2026-01-15T09:00:00+08:00';

interface Observation {
  id: string;
  referralId: string;
  facilityId: string;
  gridId: string;
  startedAt: string;
  endedAt: string | null;
  endedBy: string | null;
  hours: number;
  breached: boolean;
  referral: { id: string; status: string };
}

interface Counts {
  underObservation: number;
  breaches: number;
  oldestStartedAt: string | null;
}

describe('emergency-department observation: admitted within 24 hours, breaches against the clock', () => {
  let service: ReferralsTestApp;

  /** The desk of the facility the mutation names (or of `facilityId`). */
  const desk = <T>(document: string, variables: Record<string, unknown>, facilityId = String(variables.facilityId)) => service.ok<T>(document, variables, deskOf(facilityId));
  /** A severe referral (SpO2 91): routed to the grid's second-level hospital with an emergency department, accepted, on its way. */
  const onItsWay = async (overrides: Record<string, unknown> = { spo2: 91 }) => {
    const { requestReferral } = await service.ok<{ requestReferral: ReferralData }>(REQUEST, { input: requestInput(overrides) }, FAMILY_DOCTOR);
    await desk(ACCEPT, { id: requestReferral.id, facilityId: requestReferral.facilityId });
    await desk(IN_TRANSIT, { id: requestReferral.id }, requestReferral.facilityId);
    return requestReferral;
  };
  const observe = async (referral: ReferralData) =>
    (await desk<{ recordEmergencyObservation: ReferralData }>(OBSERVE, { id: referral.id, facilityId: referral.facilityId })).recordEmergencyObservation;
  const breaches = async (filter: { facilityId?: string; gridId?: string } = {}) => (await service.ok<{ emergencyObservationBreaches: Observation[] }>(BREACHES, filter)).emergencyObservationBreaches;
  const counts = async (level: 'FACILITY' | 'GRID', gridId?: string) =>
    (await service.ok<{ emergencyObservationCounts: (Counts & { level: string; id: string })[] }>(COUNTS, { level, gridId })).emergencyObservationCounts;
  const atFacility = async (id: string) => (await service.ok<{ facility: { emergencyObservations: Counts } }>(AT_FACILITY, { id })).facility.emergencyObservations;
  const inGrid = async (id: string) => (await service.ok<{ grid: { emergencyObservations: Counts } }>(IN_GRID, { id })).grid.emergencyObservations;
  const errorOf = async (document: string, variables: Record<string, unknown>, actor = deskOf(String(variables.facilityId))) => (await service.graphql(document, variables, actor)).errors?.[0].extensions;

  beforeAll(async () => {
    service = await startReferralsTestApp({ network: fixtureNetwork(), now: START });
  });
  afterAll(async () => service.close());

  describe('a patient kept under observation, then admitted', () => {
    let referral: ReferralData;

    it('starts when the desk records the patient under observation, at the service clock', async () => {
      referral = await onItsWay();
      expect(referral.facilityId).toBe(SECOND_LEVEL_ICU);
      expect(await observe(referral)).toMatchObject({ id: referral.id, status: 'UNDER_OBSERVATION', underObservationAt: new Date(START).toISOString() });
      expect(await atFacility(SECOND_LEVEL_ICU)).toEqual({ underObservation: 1, breaches: 0, oldestStartedAt: new Date(START).toISOString() });
      expect(await inGrid('g01')).toEqual({ underObservation: 1, breaches: 0, oldestStartedAt: new Date(START).toISOString() });
      expect(await breaches()).toEqual([]);
    });

    it('is no breach at 24 hours', async () => {
      service.clock.advance(24 * HOUR);
      expect(await breaches({ facilityId: SECOND_LEVEL_ICU })).toEqual([]);
      expect(await atFacility(SECOND_LEVEL_ICU)).toMatchObject({ underObservation: 1, breaches: 0 });
    });

    it('is a breach past 24 hours: per facility, per grid and in the city', async () => {
      service.clock.advance(30 * 60_000);
      const expected = {
        referralId: referral.id,
        facilityId: SECOND_LEVEL_ICU,
        gridId: 'g01',
        startedAt: new Date(START).toISOString(),
        endedAt: null,
        endedBy: null,
        hours: 24.5,
        breached: true,
        referral: { id: referral.id, status: 'UNDER_OBSERVATION' },
      };
      expect(await breaches({ facilityId: SECOND_LEVEL_ICU })).toMatchObject([expected]);
      expect(await breaches({ gridId: 'g01' })).toMatchObject([expected]);
      expect(await breaches()).toMatchObject([expected]);
      expect(await breaches({ gridId: 'g02' })).toEqual([]);
      expect(await breaches({ facilityId: TERTIARY_G01 })).toEqual([]);
      expect(await atFacility(SECOND_LEVEL_ICU)).toMatchObject({ underObservation: 1, breaches: 1 });
      expect(await inGrid('g01')).toMatchObject({ underObservation: 1, breaches: 1 });
      expect(await counts('FACILITY')).toEqual([{ level: 'FACILITY', id: SECOND_LEVEL_ICU, underObservation: 1, breaches: 1, oldestStartedAt: new Date(START).toISOString() }]);
      expect(await counts('GRID')).toEqual([{ level: 'GRID', id: 'g01', underObservation: 1, breaches: 1, oldestStartedAt: new Date(START).toISOString() }]);
      expect(await counts('FACILITY', 'g02')).toEqual([]);
    });

    it('disappears on admission', async () => {
      expect(await desk<{ recordAdmission: ReferralData }>(ADMIT, { id: referral.id, facilityId: SECOND_LEVEL_ICU })).toMatchObject({ recordAdmission: { status: 'ADMITTED' } });
      expect(await breaches()).toEqual([]);
      expect(await atFacility(SECOND_LEVEL_ICU)).toEqual({ underObservation: 0, breaches: 0, oldestStartedAt: null });
      expect(await counts('GRID')).toEqual([]);
      const { rows } = await service.pool.query('SELECT ended_by, ended_at IS NOT NULL AS ended FROM referrals.emergency_observations WHERE referral_id = $1', [referral.id]);
      expect(rows).toEqual([{ ended_by: 'admitted', ended: true }]);
    });
  });

  it('ends with a discharge from the emergency department, or a transfer elsewhere (a decline), each counted where it happened', async () => {
    const discharged = await onItsWay();
    const transferred = await onItsWay();
    await observe(discharged);
    await observe(transferred);
    expect(await atFacility(SECOND_LEVEL_ICU)).toMatchObject({ underObservation: 2, breaches: 0 });
    service.clock.advance(25 * HOUR);
    expect((await breaches({ gridId: 'g01' })).map((observation) => observation.referralId).sort()).toEqual([discharged.id, transferred.id].sort());

    await desk(DISCHARGE, { id: discharged.id, facilityId: SECOND_LEVEL_ICU });
    const redirected = (await desk<{ declineReferral: ReferralData }>(DECLINE, { id: transferred.id, facilityId: SECOND_LEVEL_ICU, reason: 'OVER_CAPACITY' })).declineReferral;
    expect(redirected).toMatchObject({ status: 'REQUESTED' });
    expect(redirected.facilityId).not.toBe(SECOND_LEVEL_ICU);
    expect(await breaches()).toEqual([]);
    const { rows } = await service.pool.query('SELECT referral_id, ended_by FROM referrals.emergency_observations WHERE referral_id = ANY($1::uuid[])', [[discharged.id, transferred.id]]);
    expect(Object.fromEntries(rows.map((row) => [row.referral_id, row.ended_by]))).toEqual({ [discharged.id]: 'discharged', [transferred.id]: 'transferred' });
  });

  it('only for a patient on their way, at the routed facility, with an emergency department, holding no ICU bed; by a referral desk', async () => {
    const fever = await onItsWay({ spo2: 95 });
    expect(fever.facilityId).toBe(SECOND_LEVEL_FEVER);
    expect(await errorOf(OBSERVE, { id: fever.id, facilityId: SECOND_LEVEL_FEVER })).toMatchObject({ code: 'CONFLICT', reason: 'NO_EMERGENCY_DEPARTMENT' });
    expect(await errorOf(OBSERVE, { id: fever.id, facilityId: TERTIARY_G01 })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_THE_ROUTED_FACILITY' });

    const critical = await onItsWay({ severity: 'CRITICAL' });
    expect(critical).toMatchObject({ icuBedRequired: true });
    expect(await errorOf(OBSERVE, { id: critical.id, facilityId: critical.facilityId })).toMatchObject({ code: 'CONFLICT', reason: 'ICU_BED_HELD' });

    const { requestReferral: requested } = await service.ok<{ requestReferral: ReferralData }>(REQUEST, { input: requestInput({ spo2: 91 }) }, FAMILY_DOCTOR);
    expect(await errorOf(OBSERVE, { id: requested.id, facilityId: SECOND_LEVEL_ICU })).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_REFERRAL_TRANSITION', allowedFrom: ['IN_TRANSIT'] });

    const onTheWay = await onItsWay();
    expect(await errorOf(OBSERVE, { id: onTheWay.id, facilityId: SECOND_LEVEL_ICU }, FAMILY_DOCTOR)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await atFacility(SECOND_LEVEL_ICU)).toMatchObject({ underObservation: 0 });
  });
});
