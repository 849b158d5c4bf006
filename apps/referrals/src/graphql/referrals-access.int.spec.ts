import { GATEWAY_ISSUER, IDENTITY_ASSERTION_HEADER, Identity, signIdentity, SUBGRAPH_AUDIENCE } from '@gridcare/identity';
import { CITY_AUDITOR, familyDoctor } from '@gridcare/identity/testing';
import { facilityStream, referralStream } from '@gridcare/referrals-contracts';
import { generateKeyPair } from 'jose';
import { fixtureNetwork, COMMUNITY, SECOND_LEVEL_FEVER, SECOND_LEVEL_ICU, TERTIARY_G01 } from '../testing/network-fixtures';
import { ACCEPT, ADMIT, CANCEL, DECLINE, deskOf, DISCHARGE, FAMILY_DOCTOR, IN_TRANSIT, QUEUE, REFER_DOWN, REFERRAL, ReferralData, REQUEST, requestInput } from '../testing/referral-queries';
import { GraphQLResponse, ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';
import { aResident, appendResidentEvents, moved, registerResident } from '../testing/resident-events';

const OBSERVE = `mutation ($id: ID!, $facilityId: ID!) { recordEmergencyObservation(referralId: $id, facilityId: $facilityId) { id } }`;
const BREACHES = `query ($facilityId: ID) { emergencyObservationBreaches(facilityId: $facilityId) { id } }`;
const CHANGE_CAPACITY = `mutation ($facilityId: ID!) { changeFacilityCapacity(input: { facilityId: $facilityId, icuBedsOpen: 12, icuBedsOccupied: 9, criticalCareDoctors: 20, criticalCareNurses: 40 }) { id } }`;
const REGISTER = `mutation { registerFacility(input: { id: "vc-d01-s002-c009", name: "Village Clinic", kind: VILLAGE_CLINIC, districtId: "d01",
  location: { latitude: 39.95, longitude: 116.45 }, capabilities: [], communityIds: [] }) { id } }`;
const DEFINE_GRID = `mutation { defineGrid(input: { id: "g09", name: "Grid 9", districtIds: ["d09"], leadFacilityId: "${TERTIARY_G01}", facilityIds: ["${TERTIARY_G01}"], communityIds: ["d09-s001-c001"] }) { id } }`;
const RESIDENT_REFERRALS = `query ($id: ID!) { _entities(representations: [{ __typename: "Resident", id: $id }]) { ... on Resident { id referrals { id } } } }`;

/** The one error of a refused operation (its field answers null). */
const errorOf = (response: GraphQLResponse) => {
  expect(response.errors).toHaveLength(1);
  expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
  return response.errors?.[0];
};

describe('who may see and do what in the referrals subgraph (docs/access.md)', () => {
  let service: ReferralsTestApp;
  const request = async (overrides: Record<string, unknown> = {}, identity: Identity = FAMILY_DOCTOR) =>
    (await service.ok<{ requestReferral: ReferralData }>(REQUEST, { input: requestInput(overrides) }, identity)).requestReferral;
  const eventsOf = async (referralId: string) => service.store.readStream(referralStream(referralId));

  beforeAll(async () => {
    service = await startReferralsTestApp({ network: fixtureNetwork() });
  });
  afterAll(async () => service.close());

  describe('only the gateway\'s signed identity assertion authenticates a request', () => {
    const unauthenticated = async (identity: Identity | null, headers: Record<string, string> = {}) => {
      for (const document of ['{ grids { id } }', REQUEST]) {
        const error = errorOf(await service.graphql(document, { input: requestInput() }, identity, headers));
        expect(error?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
      const { rows } = await service.pool.query('SELECT count(*)::int AS n FROM referrals.referrals');
      return { error: errorOf(await service.graphql('{ grids { id } }', {}, identity, headers)), referrals: rows[0].n as number };
    };

    it('refuses a request with no assertion', async () => {
      const { error, referrals } = await unauthenticated(null);
      expect(error?.message).toMatch(/no token/);
      expect(referrals).toBe(0);
    });

    it('refuses an assertion signed with another key', async () => {
      const { privateKey } = await generateKeyPair('EdDSA');
      const forged = await signIdentity(FAMILY_DOCTOR, privateKey, { issuer: GATEWAY_ISSUER, audience: SUBGRAPH_AUDIENCE, expiresInSeconds: 300 });
      const { error, referrals } = await unauthenticated(null, { [IDENTITY_ASSERTION_HEADER]: forged });
      expect(error?.message).toMatch(/signature/);
      expect(referrals).toBe(0);
    });

    it('never reads the bare x-gridcare-actor headers', async () => {
      const { referrals } = await unauthenticated(null, { 'x-gridcare-actor-id': 'admin-1', 'x-gridcare-actor-role': 'administrator' });
      expect(referrals).toBe(0);
    });
  });

  it('records the identity\'s actorId and role on the referral\'s events', async () => {
    const referral = await request();
    const desk = deskOf(SECOND_LEVEL_FEVER, 'desk-nurse-zhao');
    await service.ok(ACCEPT, { id: referral.id, facilityId: SECOND_LEVEL_FEVER }, desk);
    expect((await eventsOf(referral.id)).map((event) => [event.type, event.metadata.actor])).toEqual([
      ['ReferralRequested', { id: FAMILY_DOCTOR.actorId, role: 'family_doctor' }],
      ['ReferralAccepted', { id: 'desk-nurse-zhao', role: 'referral_desk' }],
    ]);
    expect(referral.requestedBy).toBe(FAMILY_DOCTOR.actorId);
  });

  describe('a referral desk acts for its own facility only', () => {
    it('sees its own facility\'s queue and is FORBIDDEN another\'s, and another facility\'s emergency observations', async () => {
      const referral = await request();
      const own = await service.ok<{ referralQueue: { edges: { node: { id: string } }[] } }>(QUEUE, { facilityId: SECOND_LEVEL_FEVER }, deskOf(SECOND_LEVEL_FEVER));
      expect(own.referralQueue.edges.map((edge) => edge.node.id)).toContain(referral.id);
      const other = errorOf(await service.graphql(QUEUE, { facilityId: SECOND_LEVEL_FEVER }, deskOf(TERTIARY_G01)));
      expect(other?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(other?.message).toMatch(new RegExp(`${TERTIARY_G01}.*${SECOND_LEVEL_FEVER}`));
      expect(errorOf(await service.graphql(BREACHES, { facilityId: SECOND_LEVEL_FEVER }, deskOf(TERTIARY_G01)))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await service.graphql(REFERRAL, { id: referral.id }, deskOf(TERTIARY_G01)))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await service.ok<{ referral: ReferralData }>(REFERRAL, { id: referral.id }, deskOf(SECOND_LEVEL_FEVER))).referral.id).toBe(referral.id);
    });

    it('cannot accept, move or cancel a referral for another facility, nor change its capacity; nothing is written', async () => {
      const referral = await request();
      expect(referral.facilityId).toBe(SECOND_LEVEL_FEVER);
      const capacityChanges = async () => (await service.store.readStream(facilityStream(SECOND_LEVEL_ICU))).filter((event) => event.type === 'FacilityCapacityChanged').length;
      const changesBefore = await capacityChanges();
      const intruder = deskOf(TERTIARY_G01);
      for (const [document, variables] of [
        [ACCEPT, { id: referral.id, facilityId: SECOND_LEVEL_FEVER }],
        [DECLINE, { id: referral.id, facilityId: SECOND_LEVEL_FEVER, reason: 'NO_CAPABILITY' }],
        [IN_TRANSIT, { id: referral.id }],
        [CANCEL, { id: referral.id, reason: 'not ours' }],
        [CHANGE_CAPACITY, { facilityId: SECOND_LEVEL_ICU }],
      ] as const) {
        expect(errorOf(await service.graphql(document, variables, intruder))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect((await eventsOf(referral.id)).map((event) => event.type)).toEqual(['ReferralRequested']);
      expect(await capacityChanges()).toBe(changesBefore);
    });
  });

  it('an auditor reads referrals, and every mutation it tries is FORBIDDEN with nothing written', async () => {
    const referral = await request();
    expect((await service.ok<{ referral: ReferralData }>(REFERRAL, { id: referral.id }, CITY_AUDITOR)).referral.id).toBe(referral.id);
    const queue = await service.ok<{ referralQueue: { edges: { node: { id: string } }[] } }>(QUEUE, { facilityId: SECOND_LEVEL_FEVER }, CITY_AUDITOR);
    expect(queue.referralQueue.edges.map((edge) => edge.node.id)).toContain(referral.id);
    const before = (await service.pool.query('SELECT count(*)::int AS n FROM referrals.referrals')).rows[0].n;
    for (const [document, variables] of [
      [REQUEST, { input: requestInput() }],
      [ACCEPT, { id: referral.id, facilityId: SECOND_LEVEL_FEVER }],
      [DECLINE, { id: referral.id, facilityId: SECOND_LEVEL_FEVER, reason: 'NO_CAPABILITY' }],
      [IN_TRANSIT, { id: referral.id }],
      [OBSERVE, { id: referral.id, facilityId: SECOND_LEVEL_FEVER }],
      [ADMIT, { id: referral.id, facilityId: SECOND_LEVEL_FEVER }],
      [DISCHARGE, { id: referral.id, facilityId: SECOND_LEVEL_FEVER }],
      [REFER_DOWN, { input: { referralId: referral.id, facilityId: SECOND_LEVEL_FEVER, severity: 'MILD' } }],
      [CANCEL, { id: referral.id, reason: 'audit' }],
      [CHANGE_CAPACITY, { facilityId: SECOND_LEVEL_ICU }],
      [REGISTER, {}],
      [DEFINE_GRID, {}],
    ] as const) {
      const error = errorOf(await service.graphql(document, variables, CITY_AUDITOR));
      expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(error?.message).toMatch(/auditor is read-only/);
    }
    expect((await eventsOf(referral.id)).map((event) => event.type)).toEqual(['ReferralRequested']);
    expect((await service.pool.query('SELECT count(*)::int AS n FROM referrals.referrals')).rows[0].n).toBe(before);
    expect(await service.store.readStream(facilityStream('vc-d01-s002-c009'))).toEqual([]);
  });

  describe('community workers and family doctors: referrals of residents in their jurisdiction', () => {
    const resident = aResident({ communityId: COMMUNITY });
    const nearby = familyDoctor('dr-li', { level: 'community', ids: [COMMUNITY] });
    const faraway = familyDoctor('dr-zhou', { level: 'community', ids: ['d02-s001-c001'] });
    let referral: ReferralData;

    beforeAll(async () => {
      // The residents service's registration: where the resident lives, as the referrals service learns it.
      await registerResident(service.store, resident);
      await service.waitForProjections();
      referral = await request({ residentId: resident.id }, nearby);
    });

    const residentReferrals = async (identity: Identity) =>
      (await service.ok<{ _entities: { referrals: { id: string }[] }[] }>(RESIDENT_REFERRALS, { id: resident.id }, identity))._entities[0].referrals.map((row) => row.id);

    it('a family doctor of the resident\'s community sees the resident\'s referrals', async () => {
      expect(await residentReferrals(nearby)).toEqual([referral.id]);
      expect((await service.ok<{ referral: ReferralData }>(REFERRAL, { id: referral.id }, nearby)).referral.id).toBe(referral.id);
    });

    it('a family doctor out of jurisdiction sees none of them, is FORBIDDEN the referral, and may not refer or cancel', async () => {
      expect(await residentReferrals(faraway)).toEqual([]);
      const read = errorOf(await service.graphql(REFERRAL, { id: referral.id }, faraway));
      expect(read?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(read?.message).toMatch(/outside community d02-s001-c001/);
      expect(errorOf(await service.graphql(CANCEL, { id: referral.id, reason: 'not mine' }, faraway))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await service.graphql(REQUEST, { input: requestInput({ residentId: resident.id }) }, faraway))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await eventsOf(referral.id)).map((event) => event.type)).toEqual(['ReferralRequested']);
    });

  });

  describe('street- and district-level family doctors: referrals of residents whose facts place them in their street or district', () => {
    // Where each resident lives, as the residents' events say (district d01, street d01-s001 for COMMUNITY).
    const inStreet = aResident({ communityId: COMMUNITY });
    /** Registered in the street, referred there, then moved to another street of the same district. */
    const movedAcrossTheDistrict = aResident({ communityId: COMMUNITY });
    const elsewhere = aResident({ communityId: 'd02-s001-c001' });
    const streetDoctor = familyDoctor('dr-qian', { level: 'street', ids: ['d01-s001'] });
    const districtDoctor = familyDoctor('dr-sun', { level: 'district', ids: ['d01'] });
    const referrals = {} as Record<'inStreet' | 'movedAcrossTheDistrict' | 'elsewhere', ReferralData>;

    beforeAll(async () => {
      for (const resident of [inStreet, movedAcrossTheDistrict, elsewhere]) await registerResident(service.store, resident);
      await service.waitForProjections();
      referrals.inStreet = await request({ residentId: inStreet.id }, streetDoctor);
      referrals.movedAcrossTheDistrict = await request({ residentId: movedAcrossTheDistrict.id });
      referrals.elsewhere = await request({ residentId: elsewhere.id, communityId: elsewhere.communityId });
      await appendResidentEvents(service.store, movedAcrossTheDistrict, [moved(movedAcrossTheDistrict, 'd01-s002-c001')]);
      await service.waitForProjections();
    });

    const referralsOf = async (resident: { id: string }, identity: Identity) =>
      (await service.ok<{ _entities: { referrals: { id: string }[] }[] }>(RESIDENT_REFERRALS, { id: resident.id }, identity))._entities[0].referrals.map((row) => row.id);
    const read = async (referral: ReferralData, identity: Identity) => service.graphql(REFERRAL, { id: referral.id }, identity);

    it('keeps each resident\'s district and street from the residents\' registration and move events', async () => {
      const { rows } = await service.pool.query('SELECT resident_id, district_id, street_id, community_id, grid_id FROM referrals.resident_facts WHERE resident_id = ANY($1::uuid[]) ORDER BY community_id', [
        [inStreet.id, movedAcrossTheDistrict.id, elsewhere.id],
      ]);
      expect(rows).toEqual([
        { resident_id: inStreet.id, district_id: 'd01', street_id: 'd01-s001', community_id: COMMUNITY, grid_id: 'g01' },
        { resident_id: movedAcrossTheDistrict.id, district_id: 'd01', street_id: 'd01-s002', community_id: 'd01-s002-c001', grid_id: 'g01' },
        { resident_id: elsewhere.id, district_id: 'd02', street_id: 'd02-s001', community_id: 'd02-s001-c001', grid_id: 'g02' },
      ]);
    });

    it('a street-level family doctor sees the referrals of a resident in their street, may refer them, and is FORBIDDEN and shown none elsewhere', async () => {
      expect(await referralsOf(inStreet, streetDoctor)).toEqual([referrals.inStreet.id]);
      expect((await read(referrals.inStreet, streetDoctor)).data).toMatchObject({ referral: { id: referrals.inStreet.id } });
      expect((await request({ residentId: inStreet.id }, streetDoctor)).id).toBeDefined();

      // Moved out of the street (still in the district), and in another district altogether.
      for (const [resident, referral] of [
        [movedAcrossTheDistrict, referrals.movedAcrossTheDistrict],
        [elsewhere, referrals.elsewhere],
      ] as const) {
        expect(await referralsOf(resident, streetDoctor)).toEqual([]);
        const refused = errorOf(await read(referral, streetDoctor));
        expect(refused?.extensions).toMatchObject({ code: 'FORBIDDEN' });
        expect(refused?.message).toMatch(/outside street d01-s001/);
        expect(errorOf(await service.graphql(CANCEL, { id: referral.id, reason: 'not mine' }, streetDoctor))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
        const requestRefused = errorOf(await service.graphql(REQUEST, { input: requestInput({ residentId: resident.id }) }, streetDoctor));
        expect(requestRefused?.extensions).toMatchObject({ code: 'FORBIDDEN' });
        expect(requestRefused?.message).toMatch(new RegExp(`resident ${resident.id} is not known to be in street d01-s001`));
        expect((await eventsOf(referral.id)).map((event) => event.type)).toEqual(['ReferralRequested']);
      }
    });

    it('a district-level family doctor sees the referrals of residents anywhere in their district, and is FORBIDDEN and shown none elsewhere', async () => {
      expect(await referralsOf(inStreet, districtDoctor)).toEqual(expect.arrayContaining([referrals.inStreet.id]));
      expect(await referralsOf(movedAcrossTheDistrict, districtDoctor)).toEqual([referrals.movedAcrossTheDistrict.id]);
      for (const referral of [referrals.inStreet, referrals.movedAcrossTheDistrict]) {
        expect((await read(referral, districtDoctor)).data).toMatchObject({ referral: { id: referral.id } });
      }
      const queue = await service.ok<{ referralQueue: { edges: { node: { id: string } }[] } }>(QUEUE, { facilityId: referrals.inStreet.facilityId, first: 100 }, districtDoctor);
      expect(queue.referralQueue.edges.map((edge) => edge.node.id)).toContain(referrals.inStreet.id);

      expect(await referralsOf(elsewhere, districtDoctor)).toEqual([]);
      const refused = errorOf(await read(referrals.elsewhere, districtDoctor));
      expect(refused?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused?.message).toMatch(/outside district d01/);
      const elsewhereQueue = await service.ok<{ referralQueue: { edges: { node: { id: string } }[] } }>(QUEUE, { facilityId: referrals.elsewhere.facilityId, first: 100 }, districtDoctor);
      expect(elsewhereQueue.referralQueue.edges.map((edge) => edge.node.id)).not.toContain(referrals.elsewhere.id);
      expect(errorOf(await service.graphql(REQUEST, { input: requestInput({ residentId: elsewhere.id, communityId: elsewhere.communityId }) }, districtDoctor))?.extensions).toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('a district or street jurisdiction is refused a resident whose registration it has not seen (the request\'s community names no district)', async () => {
      const unknown = aResident({ communityId: COMMUNITY });
      for (const doctor of [streetDoctor, districtDoctor]) {
        expect(errorOf(await service.graphql(REQUEST, { input: requestInput({ residentId: unknown.id }) }, doctor))?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      }
    });
  });
});
