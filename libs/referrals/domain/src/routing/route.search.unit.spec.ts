import { FacilityCapacity } from '@gridcare/referrals-contracts';
import { defaultRoutingPolicy } from './default-routing-policy';
import { route } from './route';
import { city, downFromTertiary, east, GRID, inputs } from './testing/routing-fixtures';

const policy = defaultRoutingPolicy().document;
const routeOf = (routingInputs = inputs(), snapshot = city()) => route(routingInputs, snapshot, GRID, policy);
const allIcuFull = (): FacilityCapacity[] => city().map((facility) => ({ ...facility, icuBeds: { ...facility.icuBeds, occupied: facility.icuBeds.open, held: 0 } }));

describe('route: where it looks', () => {
  it('falls back up a level within the grid when the lower level cannot take the patient', () => {
    const declined = ['sh-g01-a', 'sh-g01-b', 'sh-g01-c'];
    expect(routeOf(inputs({ excludedFacilityIds: declined })).outcome).toMatchObject({ facilityId: 'h-g01', level: 'tertiary', foundIn: 'grid' });
  });

  it('falls back to a neighbouring grid when the grid cannot, then to any grid', () => {
    const elderly = inputs({ ageYears: 80, highRisk: true });
    expect(routeOf({ ...elderly, excludedFacilityIds: ['h-g01'] }).outcome).toMatchObject({ facilityId: 'h-g02', foundIn: 'neighbouring-grid' });
    expect(routeOf({ ...elderly, excludedFacilityIds: ['h-g01', 'h-g02'] }).outcome).toMatchObject({ facilityId: 'h-g03', foundIn: 'any-grid' });
  });

  it('never routes to a facility that declined, nor back to the referring facility', () => {
    const result = routeOf(inputs({ severity: 'critical', excludedFacilityIds: ['sh-g01-a'] }));
    expect(result.outcome.facilityId).toBe('sh-g02');
    expect(result.capacitySnapshot.map((facility) => facility.facilityId)).not.toContain('sh-g01-a');
    const fromHospital = inputs({ from: { facilityId: 'sh-g01-a', level: 'second-level', location: east(2) } });
    expect(routeOf(fromHospital).outcome.facilityId).not.toBe('sh-g01-a');
  });

  it('refers up only to a higher level, and down only to a lower one', () => {
    const fromSecondLevel = inputs({ from: { facilityId: 'sh-g01-c', level: 'second-level', location: east(3) } });
    expect(routeOf(fromSecondLevel).outcome).toMatchObject({ facilityId: 'h-g01', level: 'tertiary' });
    expect(routeOf(downFromTertiary()).outcome.level).toBe('grassroots');
  });

  describe('when no facility in the city has an open ICU bed', () => {
    it('sends the critically ill to the nearest emergency department, marked over capacity, holding no bed', () => {
      const result = routeOf(inputs({ severity: 'critical' }), allIcuFull());
      expect(result.outcome).toMatchObject({ channel: 'green-channel', facilityId: 'h-g03', foundIn: 'any-grid', overCapacity: true, icuBedRequired: false });
    });

    it('records every hospital it passed over: the full ICUs and those without one', () => {
      const consulted = routeOf(inputs({ severity: 'critical' }), allIcuFull()).capacitySnapshot.map((facility) => facility.facilityId);
      expect([...consulted].sort()).toEqual(['h-g01', 'h-g02', 'h-g03', 'sh-g01-a', 'sh-g01-b', 'sh-g01-c', 'sh-g02', 'sh-g03']);
    });
  });

  it('refuses when no facility at all can take the referral', () => {
    const noGrassroots = city().filter((facility) => facility.level !== 'grassroots');
    expect(() => routeOf(downFromTertiary(), noGrassroots)).toThrow(expect.objectContaining({ code: 'NO_FACILITY_FOUND' }));
    expect(() => routeOf(inputs(), [])).toThrow(expect.objectContaining({ code: 'NO_FACILITY_FOUND' }));
  });

  it("refuses a grid that is not the resident's", () => {
    expect(() => route(inputs(), city(), { gridId: 'g02', neighbourGridIds: [] }, policy)).toThrow(expect.objectContaining({ code: 'GRID_MISMATCH' }));
  });
});
