import { actorOfIdentity } from '@gridcare/identity';
import { CITY_ADMINISTRATOR } from '@gridcare/identity/testing';
import { randomUUID } from 'node:crypto';
import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentSuppliesStream } from '@gridcare/residents-contracts';
import { Pool } from 'pg';
import { RESIDENTS_POOL } from '../database/residents-database.module';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import {
  answer,
  CARD_NUMBERS,
  COUNTS,
  DOCTOR,
  errorOf,
  HAND_OUT_KITS,
  HAND_OUT_OXIMETER,
  ISSUE_CARD,
  JINSONG,
  register,
  RESIDENTS,
  RETURN_OXIMETER,
  SUPPLIES_FIELDS,
  SuppliesResult,
  VACCINATOR,
  WORKER,
  XIAZHUANG,
} from './testing/supplies-fixtures';

const SNAPSHOT = {
  residents: `SELECT resident_id, card_id, card_community_id, community_phone, family_doctor_hotline, emergency_number, card_issued_on::text,
    card_issued_by, card_replaces_card_id, health_kits_handed_out, oximeter_serial_number, oximeter_community_id,
    to_json(oximeter_handed_out_at)#>>'{}' AS oximeter_handed_out_at, to_json(updated_at)#>>'{}' AS updated_at, stream_revision
    FROM residents.resident_supplies ORDER BY resident_id`,
  communities: 'SELECT * FROM residents.community_supplies ORDER BY community_id',
};

describe('resident supplies: contact service cards, health kits and finger oximeters', () => {
  let service: ResidentsTestApp;
  let pool: Pool;
  let store: EventStore;
  const ids = { red: '', yellow: '', green: '', greenAlone: '' };
  let firstCardId = '';

  const send = (query: string, variables: Record<string, unknown>, actor = WORKER) => service.graphql<Record<string, SuppliesResult>>(query, variables, actor);
  const streamOf = async (residentId: string) => store.readStream(residentSuppliesStream(residentId));
  const counts = async (communityIds: string[]) => (await service.graphql<{ suppliesByCommunity: unknown[] }>(COUNTS, { ids: communityIds })).data?.suppliesByCommunity;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    pool = service.app.get(RESIDENTS_POOL);
    store = service.app.get(EVENT_STORE);
    for (const kind of Object.keys(ids) as (keyof typeof ids)[]) {
      const resident = await register(service, RESIDENTS[kind]());
      ids[kind] = resident.id;
      expect(resident.tier).toBe({ red: 'RED', yellow: 'YELLOW', green: 'GREEN', greenAlone: 'GREEN' }[kind]);
    }
  });
  afterAll(async () => service.close());

  describe('contact service cards', () => {
    it('issues a card to a red resident: community phone, family doctor hotline and 120, by whoever issued it', async () => {
      const resident = answer(await send(ISSUE_CARD, { id: ids.red, input: CARD_NUMBERS }));
      const card = resident.supplies.contactServiceCard;
      expect(card).toEqual({
        id: expect.any(String),
        communityId: XIAZHUANG.communityId,
        ...CARD_NUMBERS,
        emergencyNumber: '120',
        issuedOn: '2026-01-15',
        issuedBy: WORKER.actorId,
        replacesCardId: null,
      });
      firstCardId = card.id;
      const [event] = await streamOf(ids.red);
      expect(event).toMatchObject({
        type: 'ContactServiceCardIssued',
        schemaVersion: 1,
        data: { residentId: ids.red, cardId: firstCardId, communityId: XIAZHUANG.communityId, tier: 'red', livingAlone: false, replacesCardId: null },
        metadata: { actor: actorOfIdentity(WORKER) },
      });
    });

    it('refuses a green resident who does not live alone, naming the tier, and writes nothing', async () => {
      const response = await send(ISSUE_CARD, { id: ids.green, input: CARD_NUMBERS });
      expect(errorOf(response)).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_KEY_RESIDENT', tier: 'GREEN', residentId: ids.green });
      expect(await streamOf(ids.green)).toEqual([]);
      const resident = await service.graphql<{ resident: SuppliesResult }>(`query ($id: ID!) { resident(id: $id) { ${SUPPLIES_FIELDS} } }`, { id: ids.green });
      expect(resident.data?.resident.supplies).toEqual({ contactServiceCard: null, healthKitsHandedOut: 0, fingerOximeter: null });
    });

    it('issues one to a green resident who lives alone, and to a yellow one, with the emergency number the community gives', async () => {
      expect(answer(await send(ISSUE_CARD, { id: ids.greenAlone, input: CARD_NUMBERS }, DOCTOR)).supplies.contactServiceCard).toMatchObject({
        communityId: JINSONG.communityId,
        issuedBy: DOCTOR.actorId,
      });
      const yellow = answer(await send(ISSUE_CARD, { id: ids.yellow, input: { ...CARD_NUMBERS, emergencyNumber: '010-120' } }));
      expect(yellow.supplies.contactServiceCard).toMatchObject({ communityId: XIAZHUANG.communityId, emergencyNumber: '010-120' });
    });

    it('refuses a resident who is not registered', async () => {
      for (const id of [randomUUID(), 'not-a-resident']) {
        expect(errorOf(await send(ISSUE_CARD, { id, input: CARD_NUMBERS }))).toMatchObject({ code: 'NOT_FOUND', id });
        expect(errorOf(await send(HAND_OUT_KITS, { id, kits: 1 }))).toMatchObject({ code: 'NOT_FOUND', id });
        expect(await streamOf(id)).toEqual([]);
      }
    });

    it('reissues: the new card replaces the one in force and names it', async () => {
      const resident = answer(await send(ISSUE_CARD, { id: ids.red, input: { ...CARD_NUMBERS, communityPhone: '010-6888 4321' } }, DOCTOR));
      expect(resident.supplies.contactServiceCard).toMatchObject({ communityPhone: '010-6888 4321', replacesCardId: firstCardId, issuedBy: DOCTOR.actorId });
      expect(resident.supplies.contactServiceCard.id).not.toBe(firstCardId);
    });
  });

  describe('health kits and finger oximeters', () => {
    it('hands out health kits, adding them up', async () => {
      answer(await send(HAND_OUT_KITS, { id: ids.red, kits: 3 }));
      expect(answer(await send(HAND_OUT_KITS, { id: ids.red, kits: 2 }, DOCTOR)).supplies.healthKitsHandedOut).toBe(5);
      expect(answer(await send(HAND_OUT_KITS, { id: ids.green, kits: 10 })).supplies.healthKitsHandedOut).toBe(10);
    });

    it('hands out an oximeter and refuses a second while the first is held', async () => {
      const resident = answer(await send(HAND_OUT_OXIMETER, { id: ids.red, serial: 'OX-2026-00017' }));
      expect(resident.supplies.fingerOximeter).toMatchObject({ serialNumber: 'OX-2026-00017', communityId: XIAZHUANG.communityId });
      const second = await send(HAND_OUT_OXIMETER, { id: ids.red, serial: 'OX-2026-00042' });
      expect(errorOf(second)).toMatchObject({ code: 'CONFLICT', reason: 'FINGER_OXIMETER_ALREADY_HELD', heldSerialNumber: 'OX-2026-00017' });
    });

    it('refuses to record returned an oximeter the resident does not hold', async () => {
      const response = await send(RETURN_OXIMETER, { id: ids.red, serial: 'OX-2026-00042' });
      expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serialNumber', reason: 'FINGER_OXIMETER_NOT_HELD', heldSerialNumber: 'OX-2026-00017' });
    });

    it('records it returned, then hands out another', async () => {
      expect(answer(await send(RETURN_OXIMETER, { id: ids.red, serial: 'OX-2026-00017' })).supplies.fingerOximeter).toBeNull();
      expect(answer(await send(HAND_OUT_OXIMETER, { id: ids.red, serial: 'OX-2026-00042' })).supplies.fingerOximeter).toMatchObject({ serialNumber: 'OX-2026-00042' });
    });
  });

  it('shows supplies on the Resident entity the gateway resolves', async () => {
    const response = await service.graphql<{ _entities: SuppliesResult[]; _service: { sdl: string } }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id supplies { healthKitsHandedOut } } } _service { sdl } }`,
      { representations: [{ __typename: 'Resident', id: ids.green }] },
    );
    expect(response.data?._entities).toEqual([{ id: ids.green, supplies: { healthKitsHandedOut: 10 } }]);
    expect(response.data?._service.sdl).toMatch(/supplies: ResidentSupplies!/);
  });

  describe('refusals', () => {
    it.each([
      ['communityPhone', ISSUE_CARD, { input: { ...CARD_NUMBERS, communityPhone: 'ask at the office' } }],
      ['familyDoctorHotline', ISSUE_CARD, { input: { ...CARD_NUMBERS, familyDoctorHotline: '12' } }],
      ['emergencyNumber', ISSUE_CARD, { input: { ...CARD_NUMBERS, emergencyNumber: '' } }],
      ['kits', HAND_OUT_KITS, { kits: 0 }],
      ['kits', HAND_OUT_KITS, { kits: 11 }],
      ['serialNumber', HAND_OUT_OXIMETER, { serial: 'OX 99' }],
    ])('bad %s: a typed error naming the field, and nothing written', async (field, query, variables) => {
      const before = await streamOf(ids.yellow);
      const response = await send(query, { id: ids.yellow, ...variables });
      expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0].message).toMatch(new RegExp(`^${field}: `));
      expect(await streamOf(ids.yellow)).toEqual(before);
    });

    it('lets community workers, family doctors and administrators hand out, and no one else', async () => {
      const before = await streamOf(ids.yellow);
      const refused = await send(HAND_OUT_KITS, { id: ids.yellow, kits: 1 }, VACCINATOR);
      expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.errors?.[0].message).toContain('vaccination_team');
      expect(await streamOf(ids.yellow)).toEqual(before);
      expect(errorOf(await send(ISSUE_CARD, { id: ids.green, input: CARD_NUMBERS }, VACCINATOR))).toMatchObject({ code: 'FORBIDDEN' });
      for (const actor of [WORKER, DOCTOR, CITY_ADMINISTRATOR]) answer(await send(HAND_OUT_KITS, { id: ids.yellow, kits: 1 }, actor));
      expect((await streamOf(ids.yellow)).slice(before.length).map((event) => event.metadata.actor)).toEqual([WORKER, DOCTOR, CITY_ADMINISTRATOR].map(actorOfIdentity));
    });
  });

  describe('counts per community', () => {
    it('counts cards, kits and oximeters out where they were handed out', async () => {
      expect(await counts([XIAZHUANG.communityId, JINSONG.communityId, 'd99-s001-c001'])).toEqual([
        // red: two cards (one in force), 5 kits, one oximeter out after a return; yellow: one card, 3 kits.
        { communityId: XIAZHUANG.communityId, residentsWithCard: 2, cardsIssued: 3, healthKitsHandedOut: 8, fingerOximetersOut: 1 },
        // green: 10 kits; green living alone: one card.
        { communityId: JINSONG.communityId, residentsWithCard: 1, cardsIssued: 1, healthKitsHandedOut: 10, fingerOximetersOut: 0 },
        { communityId: 'd99-s001-c001', residentsWithCard: 0, cardsIssued: 0, healthKitsHandedOut: 0, fingerOximetersOut: 0 },
      ]);
    });

    it('after a move, counts new hand-outs in the new community and returns where the oximeter came from', async () => {
      const moved = await service.graphql(
        `mutation ($input: MoveResidentInput!) { moveResident(input: $input) { id } }`,
        { input: { residentId: ids.red, jurisdiction: JINSONG, gridId: 'g04', reason: 'moved in with her son' } },
        WORKER,
      );
      expect(moved.errors).toBeUndefined();
      answer(await send(HAND_OUT_KITS, { id: ids.red, kits: 4 }));
      expect(answer(await send(RETURN_OXIMETER, { id: ids.red, serial: 'OX-2026-00042' })).supplies.fingerOximeter).toBeNull();
      expect(answer(await send(HAND_OUT_OXIMETER, { id: ids.red, serial: 'OX-2026-00101' })).supplies.fingerOximeter).toMatchObject({ communityId: JINSONG.communityId });
      const card = answer(await send(ISSUE_CARD, { id: ids.red, input: CARD_NUMBERS })).supplies.contactServiceCard;
      expect(card).toMatchObject({ communityId: JINSONG.communityId });
      expect(await counts([XIAZHUANG.communityId, JINSONG.communityId])).toEqual([
        // The red resident's card in force moved with the reissue; the returned oximeter left Xiazhuang's count.
        { communityId: XIAZHUANG.communityId, residentsWithCard: 1, cardsIssued: 3, healthKitsHandedOut: 8, fingerOximetersOut: 0 },
        { communityId: JINSONG.communityId, residentsWithCard: 2, cardsIssued: 2, healthKitsHandedOut: 14, fingerOximetersOut: 1 },
      ]);
    });

    it('refuses an empty list of communities', async () => {
      expect(errorOf(await service.graphql(COUNTS, { ids: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communityIds' });
    });
  });

  describe('rebuilt from the log', () => {
    const snapshot = async () => ({ residents: (await pool.query(SNAPSHOT.residents)).rows, communities: (await pool.query(SNAPSHOT.communities)).rows });

    it('gives the very same rows', async () => {
      await service.waitForProjections();
      const before = await snapshot();
      expect(before.residents).toHaveLength(4);
      const progress = await service.projections.rebuild('resident-supplies');
      expect(progress.eventsApplied).toBeGreaterThan(15);
      expect(await snapshot()).toEqual(before);
    });

    it('gives the same rows one event at a time, as a live runner sees them arrive', async () => {
      const before = await snapshot();
      await service.projections.rebuild('resident-supplies', { pageSize: 1 });
      expect(await snapshot()).toEqual(before);
    });
  });
});
