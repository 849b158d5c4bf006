import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentSuppliesStream } from '@gridcare/residents-contracts';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CARD_NUMBERS, COUNTS, DOCTOR, errorOf, HAND_OUT_KITS, HAND_OUT_OXIMETER, ISSUE_CARD, register, RESIDENTS, WORKER, XIAZHUANG } from './testing/supplies-fixtures';

describe('resident supplies: workers handing out to one resident at once', () => {
  let service: ResidentsTestApp;
  let store: EventStore;
  let residentId: string;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    store = service.app.get(EVENT_STORE);
    residentId = (await register(service, RESIDENTS.red())).id;
  });
  afterAll(async () => service.close());

  it('loses no hand-out: each is re-decided on the new state, never overwritten', async () => {
    const actors = [WORKER, DOCTOR];
    const kits = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => service.graphql(HAND_OUT_KITS, { id: residentId, kits: n }, actors[n % 2])));
    const cards = await Promise.all([0, 1, 2].map(() => service.graphql(ISSUE_CARD, { id: residentId, input: CARD_NUMBERS }, WORKER)));
    expect([...kits, ...cards].flatMap((response) => response.errors ?? [])).toEqual([]);

    const events = await store.readStream(residentSuppliesStream(residentId));
    expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));
    // Every reissue names the card it replaced, so the cards form one chain.
    const issued = events.filter((event) => event.type === 'ContactServiceCardIssued').map((event) => event.data as { cardId: string; replacesCardId: string | null });
    expect(issued.map((card) => card.replacesCardId)).toEqual([null, issued[0].cardId, issued[1].cardId]);

    await service.waitForProjections();
    const counts = await service.graphql<{ suppliesByCommunity: unknown[] }>(COUNTS, { ids: [XIAZHUANG.communityId] });
    expect(counts.data?.suppliesByCommunity).toEqual([
      { communityId: XIAZHUANG.communityId, residentsWithCard: 1, cardsIssued: 3, healthKitsHandedOut: 21, fingerOximetersOut: 0 },
    ]);
  });

  it('hands out one of several oximeters offered at once; the others are told which one the resident holds', async () => {
    const serials = ['OX-A-1', 'OX-A-2', 'OX-A-3', 'OX-A-4'];
    const responses = await Promise.all(serials.map((serial) => service.graphql(HAND_OUT_OXIMETER, { id: residentId, serial }, WORKER)));
    const handedOut = responses.filter((response) => !response.errors);
    expect(handedOut).toHaveLength(1);
    const held = (await store.readStream(residentSuppliesStream(residentId))).filter((event) => event.type === 'FingerOximeterHandedOut');
    expect(held).toHaveLength(1);
    const heldSerialNumber = (held[0].data as { serialNumber: string }).serialNumber;
    for (const response of responses.filter((r) => r.errors)) {
      expect(errorOf(response)).toMatchObject({ code: 'CONFLICT', reason: 'FINGER_OXIMETER_ALREADY_HELD', heldSerialNumber });
    }
  });
});
