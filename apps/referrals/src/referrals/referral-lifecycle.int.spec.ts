import { facilityStream, referralStream } from '@gridcare/referrals-contracts';
import { fixtureNetwork, HOME_STATION, SECOND_LEVEL_FEVER, SECOND_LEVEL_ICU, TERTIARY_G01 } from '../testing/network-fixtures';
import {
  ACCEPT,
  ADMIT,
  CANCEL,
  CAPACITY,
  DECLINE,
  deskNamedIn,
  deskOf,
  DISCHARGE,
  FAMILY_DOCTOR,
  IN_TRANSIT,
  QUEUE,
  REFER_DOWN,
  REFERRAL,
  ReferralData,
  REQUEST,
  requestInput,
  RESIDENT_ID,
} from '../testing/referral-queries';
import { ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';

interface Beds {
  facility: { capacity: { icuBeds: { open: number; occupied: number; held: number; free: number } } };
}

describe('the referral lifecycle, over GraphQL', () => {
  let service: ReferralsTestApp;

  const mutate = async <K extends string>(document: string, field: K, variables: Record<string, unknown>, actor = deskNamedIn(variables)) =>
    (await service.ok<Record<K, ReferralData>>(document, variables, actor))[field];
  const request = (overrides: Record<string, unknown> = {}) => mutate(REQUEST, 'requestReferral', { input: requestInput(overrides) }, FAMILY_DOCTOR);
  const beds = async (facilityId: string) => (await service.ok<Beds>(CAPACITY, { id: facilityId })).facility.capacity.icuBeds;

  beforeAll(async () => {
    service = await startReferralsTestApp({ network: fixtureNetwork() });
  });
  afterAll(async () => service.close());

  it('up, accepted, in transit, admitted, referred down; then down to the home station and discharged', async () => {
    const up = await request();
    expect(up).toMatchObject({ status: 'REQUESTED', direction: 'UP', facilityId: SECOND_LEVEL_FEVER, icuBedRequired: false, requestedBy: FAMILY_DOCTOR.actorId });

    const accepted = await mutate(ACCEPT, 'acceptReferral', { id: up.id, facilityId: SECOND_LEVEL_FEVER });
    expect(accepted).toMatchObject({ status: 'ACCEPTED', icuBedHeld: false, acceptedAt: expect.any(String) });
    expect(await mutate(IN_TRANSIT, 'markInTransit', { id: up.id }, FAMILY_DOCTOR)).toMatchObject({ status: 'IN_TRANSIT', inTransitAt: expect.any(String) });
    expect(await mutate(ADMIT, 'recordAdmission', { id: up.id, facilityId: SECOND_LEVEL_FEVER })).toMatchObject({ status: 'ADMITTED', admittedAt: expect.any(String) });

    const down = await mutate(REFER_DOWN, 'referDown', { input: { referralId: up.id, facilityId: SECOND_LEVEL_FEVER, severity: 'MILD', spo2: 97 } });
    expect(down).toMatchObject({ status: 'REQUESTED', direction: 'DOWN', channel: 'REHABILITATION', facilityId: HOME_STATION, fromFacilityId: SECOND_LEVEL_FEVER, parentReferralId: up.id, residentId: RESIDENT_ID });
    const referredDown = (await service.ok<{ referral: ReferralData }>(REFERRAL, { id: up.id })).referral;
    expect(referredDown).toMatchObject({ status: 'REFERRED_DOWN', downwardReferralId: down.id, referredDownAt: expect.any(String) });

    await mutate(ACCEPT, 'acceptReferral', { id: down.id, facilityId: HOME_STATION });
    await mutate(IN_TRANSIT, 'markInTransit', { id: down.id }, deskOf(HOME_STATION));
    await mutate(ADMIT, 'recordAdmission', { id: down.id, facilityId: HOME_STATION });
    expect(await mutate(DISCHARGE, 'recordDischarge', { id: down.id, facilityId: HOME_STATION })).toMatchObject({ status: 'DISCHARGED', dischargedAt: expect.any(String) });

    const events = await service.store.readStream(referralStream(up.id));
    expect(events.map((event) => event.type)).toEqual(['ReferralRequested', 'ReferralAccepted', 'ReferralInTransit', 'PatientAdmitted', 'ReferredDown']);
  });

  it('a critical referral holds an ICU bed when accepted, and the admission makes it occupied', async () => {
    const before = await beds(SECOND_LEVEL_ICU);
    const referral = await request({ severity: 'CRITICAL' });
    expect(referral).toMatchObject({ facilityId: SECOND_LEVEL_ICU, icuBedRequired: true, channel: 'GREEN_CHANNEL' });
    expect(await mutate(ACCEPT, 'acceptReferral', { id: referral.id, facilityId: SECOND_LEVEL_ICU })).toMatchObject({ status: 'ACCEPTED', icuBedHeld: true });
    expect(await beds(SECOND_LEVEL_ICU)).toEqual({ ...before, held: before.held + 1, free: before.free - 1 });

    // Accepting again by the same desk changes nothing.
    await mutate(ACCEPT, 'acceptReferral', { id: referral.id, facilityId: SECOND_LEVEL_ICU });
    expect((await service.store.readStream(facilityStream(SECOND_LEVEL_ICU))).filter((event) => event.type === 'BedHeld')).toHaveLength(1);

    await mutate(IN_TRANSIT, 'markInTransit', { id: referral.id }, deskOf(SECOND_LEVEL_ICU));
    expect(await mutate(ADMIT, 'recordAdmission', { id: referral.id, facilityId: SECOND_LEVEL_ICU })).toMatchObject({ status: 'ADMITTED', icuBedHeld: false });
    expect(await beds(SECOND_LEVEL_ICU)).toEqual({ ...before, occupied: before.occupied + 1, free: before.free - 1 });

    // The release is caused by the admission, in the same correlation.
    const [admitted] = (await service.store.readStream(referralStream(referral.id))).filter((event) => event.type === 'PatientAdmitted');
    const [released] = (await service.store.readStream(facilityStream(SECOND_LEVEL_ICU))).filter((event) => event.type === 'BedReleased');
    expect(released.data).toEqual({ facilityId: SECOND_LEVEL_ICU, referralId: referral.id, reason: 'patient-admitted' });
    expect(released.metadata).toMatchObject({ causationId: admitted.id, correlationId: admitted.metadata.correlationId });
  });

  it('cancelling an accepted referral frees the bed it held', async () => {
    await service.ok(`mutation { changeFacilityCapacity(input: { facilityId: "${SECOND_LEVEL_ICU}", icuBedsOpen: 12, icuBedsOccupied: 9, criticalCareDoctors: 20, criticalCareNurses: 40 }) { id } }`);
    const before = await beds(SECOND_LEVEL_ICU);
    const referral = await request({ needsIcu: true });
    await mutate(ACCEPT, 'acceptReferral', { id: referral.id, facilityId: SECOND_LEVEL_ICU });
    expect((await beds(SECOND_LEVEL_ICU)).held).toBe(before.held + 1);
    const cancelled = await mutate(CANCEL, 'cancelReferral', { id: referral.id, reason: 'recovered at home' }, FAMILY_DOCTOR);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'recovered at home', icuBedHeld: false, cancelledAt: expect.any(String) });
    expect(await beds(SECOND_LEVEL_ICU)).toEqual(before);
  });

  it('a decline routes the referral elsewhere, recording why and a new decision without the decliner', async () => {
    const referral = await request({ ageYears: 70, highRisk: true });
    expect(referral.facilityId).toBe(TERTIARY_G01);
    const declined = await service.ok<{ declineReferral: ReferralData & { decisions: Record<string, unknown>[] } }>(DECLINE, {
      id: referral.id,
      facilityId: TERTIARY_G01,
      reason: 'OTHER',
      note: 'ward closed for disinfection',
    }, deskOf(TERTIARY_G01));
    const { declineReferral } = declined;
    expect(declineReferral).toMatchObject({ status: 'REQUESTED', channel: 'DIRECT_TO_TERTIARY', facilityId: 'h-g02' });
    expect(declineReferral.decisions).toHaveLength(2);
    expect(declineReferral.decisions[1]).toMatchObject({
      kind: 'REDIRECT',
      decliningFacilityId: TERTIARY_G01,
      declineReason: 'OTHER',
      note: 'ward closed for disinfection',
      inputs: { excludedFacilityIds: [TERTIARY_G01] },
      outcome: { facilityId: 'h-g02', foundIn: 'NEIGHBOURING_GRID' },
    });
  });

  it('shows each referral desk its queue, the longest waiting first, in pages', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push((await request({ ageYears: 30 + n })).id);
    const page = async (after?: string) =>
      (await service.ok<{ referralQueue: { edges: { cursor: string; node: { id: string; status: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(QUEUE, {
        facilityId: SECOND_LEVEL_FEVER,
        status: 'REQUESTED',
        first: 2,
        after,
      }, deskOf(SECOND_LEVEL_FEVER))).referralQueue;
    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual(ids);
    const admitted = await service.ok<{ referralQueue: { edges: unknown[] } }>(QUEUE, { facilityId: SECOND_LEVEL_FEVER, status: 'REFERRED_DOWN' });
    expect(admitted.referralQueue.edges).toHaveLength(1);
  });

  it('extends the Resident entity with the resident\'s referrals, newest first, for the gateway', async () => {
    const response = await service.ok<{ _entities: { id: string; referrals: { id: string; requestedAt: string }[] }[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id referrals { id requestedAt } } } }`,
      { representations: [{ __typename: 'Resident', id: RESIDENT_ID }, { __typename: 'Resident', id: '00000000-0000-4000-8000-000000000000' }] },
    );
    const [resident, stranger] = response._entities;
    expect(resident.referrals.length).toBeGreaterThanOrEqual(8);
    const times = resident.referrals.map((referral) => referral.requestedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(stranger.referrals).toEqual([]);
  });

  it('resolves facilities and referrals by reference, and declares its entities in the subgraph SDL', async () => {
    const { _service } = await service.ok<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(_service.sdl).toMatch(/extend type Resident\s+@key\(fields: "id"\)\s+\{\s+id: ID! @external/);
    for (const entity of ['Referral', 'Facility', 'Grid']) expect(_service.sdl).toMatch(new RegExp(`type ${entity}\\s+@key\\(fields: "id"\\)`));
    const response = await service.ok<{ _entities: { id: string; name?: string }[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Facility { id name } ... on Grid { id name } } }`,
      { representations: [{ __typename: 'Facility', id: TERTIARY_G01 }, { __typename: 'Grid', id: 'g01' }] },
    );
    expect(response._entities).toEqual([{ id: TERTIARY_G01, name: `Facility ${TERTIARY_G01}` }, { id: 'g01', name: 'Grid g01' }]);
  });
});
