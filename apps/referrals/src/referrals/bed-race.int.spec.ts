import { EventStore } from '@gridcare/event-store';
import { facilityStream } from '@gridcare/referrals-contracts';
import { fixtureNetwork, SECOND_LEVEL_ICU, TERTIARY_G01 } from '../testing/network-fixtures';
import { ACCEPT, CAPACITY, deskOf, FAMILY_DOCTOR, REFERRAL, ReferralData, REQUEST, requestInput } from '../testing/referral-queries';
import { ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';

interface Decision {
  kind: string;
  decliningFacilityId: string | null;
  declineReason: string | null;
  inputs: { excludedFacilityIds: string[] };
  outcome: { facilityId: string; icuBedRequired: boolean };
}

/**
 * Holds every append to `streamId` until the stream has been read `reads` times, so that many
 * writers decide on the same revision; records how the appends that lost the race failed.
 */
function holdAppendsUntilRead(store: EventStore, streamId: string, reads: number) {
  const conflicts: string[] = [];
  let read = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const readStream = store.readStream.bind(store);
  const appendToStream = store.appendToStream.bind(store);
  const reading = jest.spyOn(store, 'readStream').mockImplementation(async (id, options) => {
    const events = await readStream(id, options);
    if (id === streamId && ++read >= reads) open();
    return events;
  });
  const appending = jest.spyOn(store, 'appendToStream').mockImplementation(async (id, events, options) => {
    if (id !== streamId) return appendToStream(id, events, options);
    await opened;
    return appendToStream(id, events, options).catch((error: Error) => {
      conflicts.push(error.name);
      throw error;
    });
  });
  return {
    conflicts,
    restore: () => {
      reading.mockRestore();
      appending.mockRestore();
    },
  };
}

describe('the race for the last ICU bed, over HTTP', () => {
  let service: ReferralsTestApp;

  const critical = async () => (await service.ok<{ requestReferral: ReferralData }>(REQUEST, { input: requestInput({ severity: 'CRITICAL' }) }, FAMILY_DOCTOR)).requestReferral;
  const icuBeds = async () =>
    (await service.ok<{ facility: { capacity: { icuBeds: Record<string, number> } } }>(CAPACITY, { id: SECOND_LEVEL_ICU })).facility.capacity.icuBeds;
  /** Every desk accepts at once, each over its own HTTP request. */
  const acceptAll = (referrals: ReferralData[]) =>
    Promise.all(
      referrals.map(async (referral, n) => {
        const response = await service.graphql<{ acceptReferral: ReferralData }>(ACCEPT, { id: referral.id, facilityId: SECOND_LEVEL_ICU }, deskOf(SECOND_LEVEL_ICU, `desk-${n}`));
        expect(response.errors).toBeUndefined();
        return response.data?.acceptReferral as ReferralData;
      }),
    );
  const bedsHeld = async () => (await service.store.readStream(facilityStream(SECOND_LEVEL_ICU))).filter((event) => event.type === 'BedHeld').length;

  beforeAll(async () => {
    service = await startReferralsTestApp({ network: fixtureNetwork() });
  });
  afterAll(async () => service.close());

  it('two referrals accepting the last bed at once: one accepted holding it, the other redirected', async () => {
    expect(await icuBeds()).toEqual({ open: 10, occupied: 9, held: 0, free: 1 });
    const referrals = [await critical(), await critical()];
    expect(referrals.map((referral) => referral.facilityId)).toEqual([SECOND_LEVEL_ICU, SECOND_LEVEL_ICU]);

    // Both desks read the facility stream before either appends: both decide BedHeld on the same revision.
    const race = holdAppendsUntilRead(service.store, facilityStream(SECOND_LEVEL_ICU), 2);
    const answers = await acceptAll(referrals).finally(race.restore);
    expect(race.conflicts).toEqual(['WrongExpectedVersion']);
    const accepted = answers.filter((answer) => answer.status === 'ACCEPTED');
    const redirected = answers.filter((answer) => answer.status === 'REQUESTED');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ facilityId: SECOND_LEVEL_ICU, icuBedHeld: true });
    expect(redirected).toHaveLength(1);
    // Nowhere nearer has a free bed: the next is the grid's tertiary hospital.
    expect(redirected[0]).toMatchObject({ facilityId: TERTIARY_G01, icuBedRequired: true, icuBedHeld: false });

    expect(await icuBeds()).toEqual({ open: 10, occupied: 9, held: 1, free: 0 });
    expect(await bedsHeld()).toBe(1);

    const { referral } = await service.ok<{ referral: { decisions: Decision[] } }>(REFERRAL, { id: redirected[0].id });
    expect(referral.decisions.map((decision) => decision.kind)).toEqual(['REQUEST', 'REDIRECT']);
    expect(referral.decisions[1]).toMatchObject({
      decliningFacilityId: SECOND_LEVEL_ICU,
      declineReason: 'NO_ICU_BED',
      inputs: { excludedFacilityIds: [SECOND_LEVEL_ICU] },
      outcome: { facilityId: TERTIARY_G01, icuBedRequired: true },
    });
  });

  it('six desks at once for one bed: one holds it, five go elsewhere, and the bed is held once', async () => {
    // One more bed opens.
    await service.ok(`mutation { changeFacilityCapacity(input: { facilityId: "${SECOND_LEVEL_ICU}", icuBedsOpen: 11, icuBedsOccupied: 9, criticalCareDoctors: 20, criticalCareNurses: 40 }) { id } }`);
    expect(await icuBeds()).toEqual({ open: 11, occupied: 9, held: 1, free: 1 });
    const referrals: ReferralData[] = [];
    for (let n = 0; n < 6; n++) referrals.push(await critical());
    expect(new Set(referrals.map((referral) => referral.facilityId))).toEqual(new Set([SECOND_LEVEL_ICU]));

    const answers = await acceptAll(referrals);
    expect(answers.filter((answer) => answer.status === 'ACCEPTED')).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 'REQUESTED' && answer.facilityId !== SECOND_LEVEL_ICU)).toHaveLength(5);
    expect(await icuBeds()).toEqual({ open: 11, occupied: 9, held: 2, free: 0 });
    expect(await bedsHeld()).toBe(2);
  });
});
