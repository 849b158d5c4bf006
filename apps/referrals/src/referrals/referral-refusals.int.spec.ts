import { referralStream } from '@gridcare/referrals-contracts';
import { fixtureNetwork, SECOND_LEVEL_FEVER, SECOND_LEVEL_ICU, TERTIARY_G01 } from '../testing/network-fixtures';
import {
  ACCEPT,
  ADMIT,
  CANCEL,
  DECLINE,
  deskOf,
  DISCHARGE,
  FAMILY_DOCTOR,
  IN_TRANSIT,
  REFER_DOWN,
  ReferralData,
  REQUEST,
  requestInput,
} from '../testing/referral-queries';
import { GraphQLResponse, ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';

/** The desk of the facility the fixture's default referral is routed to. */
const DESK = deskOf(SECOND_LEVEL_FEVER);

const extensionsOf = (response: GraphQLResponse) => {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  return response.errors?.[0].extensions;
};

describe('referral refusals: typed errors, and nothing written', () => {
  let service: ReferralsTestApp;
  const request = async (overrides: Record<string, unknown> = {}) =>
    (await service.ok<{ requestReferral: ReferralData }>(REQUEST, { input: requestInput(overrides) }, FAMILY_DOCTOR)).requestReferral;
  const events = async (referralId: string) => (await service.store.readStream(referralStream(referralId))).map((event) => event.type);

  beforeAll(async () => {
    service = await startReferralsTestApp({ network: fixtureNetwork() });
  });
  afterAll(async () => service.close());

  describe('invalid transitions are CONFLICT with the domain code, the status and where it may come from', () => {
    it.each([
      ['in transit before it is accepted', IN_TRANSIT, (id: string) => ({ id }), 'StartTransit', ['ACCEPTED']],
      ['admitted before it is in transit', ADMIT, (id: string) => ({ id, facilityId: SECOND_LEVEL_FEVER }), 'AdmitPatient', ['IN_TRANSIT', 'UNDER_OBSERVATION']],
      ['discharged before it is admitted', DISCHARGE, (id: string) => ({ id, facilityId: SECOND_LEVEL_FEVER }), 'DischargePatient', ['ADMITTED', 'UNDER_OBSERVATION']],
      ['referred down before it is admitted', REFER_DOWN, (id: string) => ({ input: { referralId: id, facilityId: SECOND_LEVEL_FEVER, severity: 'MILD' } }), 'ReferDown', ['ADMITTED']],
    ])('%s', async (_case, document, variables, command, allowedFrom) => {
      const referral = await request();
      const response = await service.graphql(document, variables(referral.id), DESK);
      expect(extensionsOf(response)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_REFERRAL_TRANSITION', command, status: 'REQUESTED', allowedFrom });
      expect(await events(referral.id)).toEqual(['ReferralRequested']);
    });

    it('nothing moves a cancelled referral, and a decline of an accepted one is refused', async () => {
      const referral = await request();
      await service.ok(ACCEPT, { id: referral.id, facilityId: SECOND_LEVEL_FEVER }, DESK);
      const declined = await service.graphql(DECLINE, { id: referral.id, facilityId: SECOND_LEVEL_FEVER, reason: 'NO_CAPABILITY' }, DESK);
      expect(extensionsOf(declined)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_REFERRAL_TRANSITION', status: 'ACCEPTED', allowedFrom: ['REQUESTED', 'UNDER_OBSERVATION'] });
      await service.ok(CANCEL, { id: referral.id, reason: 'family took the patient to hospital themselves' }, FAMILY_DOCTOR);
      for (const [document, variables] of [
        [ACCEPT, { id: referral.id, facilityId: SECOND_LEVEL_FEVER }],
        [IN_TRANSIT, { id: referral.id }],
        [CANCEL, { id: referral.id, reason: 'again' }],
      ] as const) {
        expect(extensionsOf(await service.graphql(document, variables, DESK))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_REFERRAL_TRANSITION', status: 'CANCELLED' });
      }
      expect(await events(referral.id)).toEqual(['ReferralRequested', 'ReferralAccepted', 'ReferralCancelled']);
    });
  });

  it('only the routed facility may accept, decline, admit', async () => {
    const referral = await request();
    for (const [document, variables] of [
      [ACCEPT, { id: referral.id, facilityId: TERTIARY_G01 }],
      [DECLINE, { id: referral.id, facilityId: TERTIARY_G01, reason: 'NO_ICU_BED' }],
    ] as const) {
      expect(extensionsOf(await service.graphql(document, variables, deskOf(TERTIARY_G01)))).toMatchObject({
        code: 'CONFLICT',
        reason: 'NOT_THE_ROUTED_FACILITY',
        field: 'facilityId',
        routedFacilityId: SECOND_LEVEL_FEVER,
      });
    }
    expect(await events(referral.id)).toEqual(['ReferralRequested']);
  });

  it('a downward referral cannot be referred down again', async () => {
    const down = await request({ direction: 'DOWN', fromFacilityId: TERTIARY_G01, severity: 'MILD' });
    for (const [document, variables] of [
      [ACCEPT, { id: down.id, facilityId: down.facilityId }],
      [IN_TRANSIT, { id: down.id }],
      [ADMIT, { id: down.id, facilityId: down.facilityId }],
    ] as const) {
      await service.ok(document, variables, deskOf(down.facilityId));
    }
    const response = await service.graphql(REFER_DOWN, { input: { referralId: down.id, facilityId: down.facilityId, severity: 'MILD' } }, deskOf(down.facilityId));
    expect(extensionsOf(response)).toMatchObject({ code: 'CONFLICT', reason: 'NOT_AN_UPWARD_REFERRAL' });
  });

  it('an unknown referral is NOT_FOUND', async () => {
    const id = 'a0000000-0000-4000-8000-00000000dead';
    expect(extensionsOf(await service.graphql(ACCEPT, { id, facilityId: SECOND_LEVEL_FEVER }, DESK))).toMatchObject({ code: 'NOT_FOUND', id });
    expect(extensionsOf(await service.graphql(IN_TRANSIT, { id: 'not-a-uuid' }, DESK))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('bad input names the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown community', REQUEST_VARIABLES({ communityId: 'd99-s001-c001' }), 'communityId'],
      ['an unknown referring facility', REQUEST_VARIABLES({ fromFacilityId: 'chs-nowhere' }), 'fromFacilityId'],
      ['an SpO2 above 100', REQUEST_VARIABLES({ spo2: 101 }), 'spo2'],
      ['a negative age', REQUEST_VARIABLES({ ageYears: -1 }), 'ageYears'],
    ];
    for (const [, variables, field] of cases) {
      expect(extensionsOf(await service.graphql(REQUEST, variables, FAMILY_DOCTOR))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const referral = await request();
    const other = await service.graphql(DECLINE, { id: referral.id, facilityId: SECOND_LEVEL_FEVER, reason: 'OTHER' }, DESK);
    expect(extensionsOf(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note', reason: 'REASON_REQUIRED' });
    const blank = await service.graphql(CANCEL, { id: referral.id, reason: '  ' }, FAMILY_DOCTOR);
    expect(extensionsOf(blank)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', reason: 'REASON_REQUIRED' });
    expect(await events(referral.id)).toEqual(['ReferralRequested']);
  });

  it('roles: a family doctor may not accept, a referral desk may; anyone else is FORBIDDEN', async () => {
    const referral = await request({ severity: 'CRITICAL' });
    expect(referral.facilityId).toBe(SECOND_LEVEL_ICU);
    expect(extensionsOf(await service.graphql(ACCEPT, { id: referral.id, facilityId: SECOND_LEVEL_ICU }, FAMILY_DOCTOR))).toMatchObject({ code: 'FORBIDDEN' });
    expect(extensionsOf(await service.graphql(REQUEST, REQUEST_VARIABLES({}), { actorId: 'v-1', role: 'volunteer_coordinator', jurisdiction: { level: 'city' } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(extensionsOf(await service.graphql(REQUEST, REQUEST_VARIABLES({}), null))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await events(referral.id)).toEqual(['ReferralRequested']);
  });
});

const REQUEST_VARIABLES = (overrides: Record<string, unknown>) => ({ input: requestInput(overrides) });
