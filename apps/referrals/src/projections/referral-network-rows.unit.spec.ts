import { RecordedEvent } from '@gridcare/event-store';
import { applyNetworkEvent, NetworkRows } from './referral-network-rows';

const at = new Date('2026-01-15T01:00:00Z');
let revision = 0;
const event = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({ id: `e${revision}`, streamId: 's', revision: revision++, position: { commit: 1n, prepare: BigInt(revision) }, type, schemaVersion: 1, data, metadata: {} as never, recordedAt: at }) as RecordedEvent;

const rows = (): NetworkRows => ({ facilities: new Map(), capacity: new Map(), grids: new Map(), gridOfFacility: new Map() });
const registered = (facilityId: string) =>
  event('FacilityRegistered', {
    facilityId,
    name: facilityId,
    kind: 'second-level-hospital',
    level: 'second-level',
    districtId: 'd01',
    location: { latitude: 39.9, longitude: 116.4 },
    capabilities: ['icu'],
    communityIds: [],
  });
const grid = (facilityIds: string[]) =>
  event('GridDefined', { gridId: 'g01', name: 'Grid 1', districtIds: ['d01'], leadFacilityId: facilityIds[0], facilityIds, communityIds: ['c1'], neighbourGridIds: [] });

describe('the referral network rows, event by event', () => {
  beforeEach(() => (revision = 0));

  it('counts beds as the facility decider does: reports set, holds count, an admission turns a held bed occupied', () => {
    const network = rows();
    for (const e of [
      registered('sh-1'),
      event('FacilityCapacityChanged', { facilityId: 'sh-1', icuBedsOpen: 10, icuBedsOccupied: 8, criticalCareDoctors: 5, criticalCareNurses: 9 }),
      event('BedHeld', { facilityId: 'sh-1', referralId: 'r1' }),
      event('BedHeld', { facilityId: 'sh-1', referralId: 'r2' }),
      event('BedReleased', { facilityId: 'sh-1', referralId: 'r1', reason: 'patient-admitted' }),
      event('BedReleased', { facilityId: 'sh-1', referralId: 'r2', reason: 'referral-cancelled' }),
    ]) {
      applyNetworkEvent(network, e);
    }
    expect(network.capacity.get('sh-1')).toEqual({
      facility_id: 'sh-1',
      icu_beds_open: 10,
      icu_beds_occupied: 9,
      icu_beds_held: 0,
      critical_care_doctors: 5,
      critical_care_nurses: 9,
      facility_revision: 5,
      updated_at: at,
    });
  });

  it('gives a facility its grid whether the grid was defined before or after it registered', () => {
    const network = rows();
    applyNetworkEvent(network, registered('sh-1'));
    applyNetworkEvent(network, grid(['sh-1', 'sh-2']));
    applyNetworkEvent(network, registered('sh-2'));
    expect([...network.facilities.values()].map((facility) => [facility.facility_id, facility.grid_id])).toEqual([
      ['sh-1', 'g01'],
      ['sh-2', 'g01'],
    ]);
  });
});
