import { Decider, DomainError, DomainEvent, fold } from '@gridcare/decider';
import { facilityStream, referralStream } from '@gridcare/referrals-contracts';
import { facilityCapacity, facilityDecider, RegisteredFacility } from '../facility';
import { city, east } from '../routing/testing/routing-fixtures';
import { referralDecider } from './referral.decider';
import { CRITICAL, decisionId, redirect, REFERRAL_ID, requestReferral } from './testing/referral-fixtures';

// The race for the last ICU bed, played against a minimal event store with the one property
// that settles it: an append names the revision it was decided on and fails if the stream moved.

class WrongExpectedVersion extends Error {}

class InMemoryStreams {
  private readonly streams = new Map<string, DomainEvent[]>();

  read(streamId: string): { events: DomainEvent[]; revision: number } {
    const events = [...(this.streams.get(streamId) ?? [])];
    return { events, revision: events.length - 1 };
  }

  append(streamId: string, events: DomainEvent[], expectedRevision: number): void {
    if (this.read(streamId).revision !== expectedRevision) throw new WrongExpectedVersion(`${streamId} moved past ${expectedRevision}`);
    this.streams.set(streamId, [...this.read(streamId).events, ...events]);
  }

  /** Load, decide, append with the revision read; on a conflict, decide again on the new state (AggregateStore.execute). */
  execute<C, S, E extends DomainEvent>(streamId: string, decider: Decider<C, S, E>, command: C, meanwhile?: () => void, retries = 3): E[] {
    for (let attempt = 0; ; attempt++) {
      const { events, revision } = this.read(streamId);
      const decided = decider.decide(command, fold(decider, events as E[]));
      // Lets a spec run a rival command between this one's decision and its append.
      if (attempt === 0) meanwhile?.();
      try {
        this.append(streamId, decided, revision);
        return decided;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion) || attempt >= retries) throw error;
      }
    }
  }
}

const FACILITY = 'sh-g01-a';
const OTHER_REFERRAL_ID = 'a0000000-0000-4000-8000-0000000000b2';

/** sh-g01-a with 10 ICU beds open and 9 occupied: one bed left. Two critical referrals routed to it. */
function cityWithOneBedLeft(): InMemoryStreams {
  const store = new InMemoryStreams();
  store.execute(facilityStream(FACILITY), facilityDecider, {
    type: 'RegisterFacility',
    facilityId: FACILITY,
    name: 'Second-level Hospital A',
    kind: 'second-level-hospital',
    level: 'second-level',
    districtId: 'd01',
    location: east(2),
    capabilities: ['fever-clinic', 'emergency-department', 'icu'],
    communityIds: [],
  });
  store.execute(facilityStream(FACILITY), facilityDecider, {
    type: 'ChangeFacilityCapacity',
    facilityId: FACILITY,
    icuBedsOpen: 10,
    icuBedsOccupied: 9,
    criticalCareDoctors: 20,
    criticalCareNurses: 40,
  });
  for (const [referralId, n] of [[REFERRAL_ID, 1], [OTHER_REFERRAL_ID, 2]] as const) {
    store.execute(referralStream(referralId), referralDecider, requestReferral(CRITICAL, { referralId, decisionId: decisionId(n) }));
  }
  return store;
}

/** The capacity read model: the fixture city, with sh-g01-a as its stream now has it. */
function capacityReadModel(store: InMemoryStreams) {
  const { events, revision } = store.read(facilityStream(FACILITY));
  const facility = fold(facilityDecider, events as never[]) as RegisteredFacility;
  return city().map((entry) => (entry.facilityId === FACILITY ? facilityCapacity(facility, 'g01', revision) : entry));
}

/** The referral desk accepting: hold the bed on the facility's stream, then accept; no bed means redirect. */
function acceptWithBed(store: InMemoryStreams, referralId: string, n: number, meanwhile?: () => void): 'accepted' | 'redirected' {
  try {
    store.execute(facilityStream(FACILITY), facilityDecider, { type: 'HoldBed', facilityId: FACILITY, referralId }, meanwhile);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'NO_ICU_BED_OPEN') throw error;
    store.execute(referralStream(referralId), referralDecider, redirect(FACILITY, { referralId, decisionId: decisionId(10 + n), capacity: capacityReadModel(store) }));
    return 'redirected';
  }
  store.execute(referralStream(referralId), referralDecider, { type: 'AcceptReferral', referralId, facilityId: FACILITY, icuBedHeld: true });
  return 'accepted';
}

describe('two referrals racing for the last ICU bed', () => {
  it('both decide on the same revision; the store lets one append, the other is re-decided and refused', () => {
    const store = cityWithOneBedLeft();
    const stream = facilityStream(FACILITY);
    const seenByA = store.read(stream);
    const seenByB = store.read(stream);
    const holdA = facilityDecider.decide({ type: 'HoldBed', facilityId: FACILITY, referralId: REFERRAL_ID }, fold(facilityDecider, seenByA.events as never[]));
    const holdB = facilityDecider.decide({ type: 'HoldBed', facilityId: FACILITY, referralId: OTHER_REFERRAL_ID }, fold(facilityDecider, seenByB.events as never[]));
    // Each saw one free bed, so each decided to hold it.
    expect([holdA, holdB].map((events) => events.map((event) => event.type))).toEqual([['BedHeld'], ['BedHeld']]);

    store.append(stream, holdA, seenByA.revision);
    expect(() => store.append(stream, holdB, seenByB.revision)).toThrow(WrongExpectedVersion);

    const now = store.read(stream);
    expect(() => facilityDecider.decide({ type: 'HoldBed', facilityId: FACILITY, referralId: OTHER_REFERRAL_ID }, fold(facilityDecider, now.events as never[]))).toThrow(
      expect.objectContaining({ code: 'NO_ICU_BED_OPEN', details: expect.objectContaining({ facilityId: FACILITY }) }),
    );
  });

  it('ends with one accepted, holding the bed, and one redirected elsewhere', () => {
    const store = cityWithOneBedLeft();
    let first: string | undefined;
    // The other desk decides to hold the bed, then this one holds it and accepts before the other appends.
    const second = acceptWithBed(store, OTHER_REFERRAL_ID, 2, () => (first = acceptWithBed(store, REFERRAL_ID, 1)));
    expect([first, second]).toEqual(['accepted', 'redirected']);

    const facility = fold(facilityDecider, store.read(facilityStream(FACILITY)).events as never[]) as RegisteredFacility;
    expect([...facility.holds]).toEqual([REFERRAL_ID]);

    const winner = fold(referralDecider, store.read(referralStream(REFERRAL_ID)).events as never[]);
    expect(winner).toMatchObject({ status: 'accepted', facilityId: FACILITY, icuBedHeld: true });

    const redirected = store.read(referralStream(OTHER_REFERRAL_ID)).events.at(-1) as DomainEvent<string, { decision: { outcome: { facilityId: string }; capacitySnapshot: unknown[] } }>;
    expect(redirected.type).toBe('ReferralRedirected');
    expect(redirected.data.decision.outcome.facilityId).toBe('sh-g02');
    // The redirect's decision saw the last bed held: its snapshot shows sh-g01-a full.
    expect(capacityReadModel(store).find((entry) => entry.facilityId === FACILITY)?.icuBeds).toEqual({ open: 10, occupied: 9, held: 1 });
    expect(fold(referralDecider, store.read(referralStream(OTHER_REFERRAL_ID)).events as never[])).toMatchObject({ status: 'requested', facilityId: 'sh-g02' });
  });

  it('whichever order they run in, a bed is never held twice', () => {
    const store = cityWithOneBedLeft();
    expect([acceptWithBed(store, OTHER_REFERRAL_ID, 2), acceptWithBed(store, REFERRAL_ID, 1)]).toEqual(['accepted', 'redirected']);
    const facility = fold(facilityDecider, store.read(facilityStream(FACILITY)).events as never[]) as RegisteredFacility;
    expect(facility.holds.size).toBe(1);
  });
});
