import { defaultRoutingPolicy } from './default-routing-policy';
import { route } from './route';
import { city, cityWith, downFromTertiary, GRID, inputs } from './testing/routing-fixtures';

const policy = defaultRoutingPolicy().document;
const routeOf = (...args: [ReturnType<typeof inputs>, ReturnType<typeof city>?]) => route(args[0], args[1] ?? city(), GRID, policy);

// One describe per rule of routing-policy.2026-1.json, in policy order.
describe('routing policy 2026.1', () => {
  it('has the rules docs/referrals.md explains, in priority order', () => {
    expect(policy.rules.map((rule) => rule.id)).toEqual([
      'critically-ill-green-channel',
      'high-risk-elderly-to-tertiary',
      'severe-to-emergency-department',
      'upward-within-grid',
      'stable-back-to-grassroots',
    ]);
  });

  describe('critically-ill-green-channel', () => {
    it('sends the critically ill to the nearest facility with an open ICU bed, passing over a full one', () => {
      const result = routeOf(inputs({ severity: 'critical' }));
      expect(result.appliedRule).toBe('critically-ill-green-channel');
      expect(result.outcome).toEqual({
        channel: 'green-channel',
        facilityId: 'sh-g01-a',
        level: 'second-level',
        gridId: 'g01',
        foundIn: 'any-grid',
        distanceKm: 2,
        icuBedRequired: true,
        overCapacity: false,
      });
      // h-g03 is nearer but its last bed is held: recorded, so the explanation shows why it was passed over.
      expect(result.capacitySnapshot.map((facility) => facility.facilityId)).toEqual(['h-g03', 'sh-g01-a']);
    });

    it('looks in any grid', () => {
      const result = routeOf(inputs({ severity: 'critical' }), cityWith('h-g03', { icuBeds: { open: 30, occupied: 28, held: 1 } }));
      expect(result.outcome).toMatchObject({ facilityId: 'h-g03', gridId: 'g03', foundIn: 'any-grid', distanceKm: 1.5 });
    });

    it('takes anyone needing intensive care, whatever the severity', () => {
      expect(routeOf(inputs({ severity: 'moderate', needsIcu: true })).outcome).toMatchObject({ channel: 'green-channel', facilityId: 'sh-g01-a' });
    });

    it('comes before the other rules that fire, which stay in the explanation', () => {
      const result = routeOf(inputs({ severity: 'critical', ageYears: 80, highRisk: true, spo2: 85 }));
      expect(result.firedRules).toEqual(['critically-ill-green-channel', 'high-risk-elderly-to-tertiary', 'severe-to-emergency-department', 'upward-within-grid']);
      expect(result.outcome.channel).toBe('green-channel');
    });
  });

  describe('high-risk-elderly-to-tertiary', () => {
    it("sends high-risk elderly straight to the grid's tertiary hospital, past nearer second-level hospitals", () => {
      const result = routeOf(inputs({ ageYears: 65, highRisk: true }));
      expect(result.appliedRule).toBe('high-risk-elderly-to-tertiary');
      expect(result.outcome).toMatchObject({ channel: 'direct-to-tertiary', facilityId: 'h-g01', level: 'tertiary', foundIn: 'grid', icuBedRequired: false });
    });

    it('needs both: 65 or above, and a higher risk of severe illness', () => {
      expect(routeOf(inputs({ ageYears: 64, highRisk: true })).appliedRule).toBe('upward-within-grid');
      expect(routeOf(inputs({ ageYears: 90, highRisk: false })).appliedRule).toBe('upward-within-grid');
    });
  });

  describe('severe-to-emergency-department', () => {
    it('sends the severely ill to the lowest level in the grid with an emergency department', () => {
      const result = routeOf(inputs({ severity: 'severe', excludedFacilityIds: ['sh-g01-a'] }));
      expect(result.appliedRule).toBe('severe-to-emergency-department');
      // sh-g01-c is nearer but has no emergency department.
      expect(result.outcome).toMatchObject({ channel: 'within-grid', facilityId: 'sh-g01-b', level: 'second-level', foundIn: 'grid' });
      expect(result.capacitySnapshot.map((facility) => facility.facilityId)).toEqual(['sh-g01-c', 'sh-g01-b']);
    });

    it('takes a latest SpO2 below 93%, not at 93 and not without a reading', () => {
      expect(routeOf(inputs({ spo2: 92.5 })).appliedRule).toBe('severe-to-emergency-department');
      expect(routeOf(inputs({ spo2: 93 })).appliedRule).toBe('upward-within-grid');
      expect(routeOf(inputs({ spo2: null })).appliedRule).toBe('upward-within-grid');
    });
  });

  describe('upward-within-grid', () => {
    it('sends any other upward referral to the nearest second-level hospital in the grid with a fever clinic', () => {
      const result = routeOf(inputs());
      expect(result.firedRules).toEqual(['upward-within-grid']);
      expect(result.outcome).toMatchObject({ channel: 'within-grid', facilityId: 'sh-g01-a', level: 'second-level', foundIn: 'grid', icuBedRequired: false });
    });
  });

  describe('stable-back-to-grassroots', () => {
    it("sends a stable patient back to their home grassroots institution", () => {
      const result = routeOf(downFromTertiary());
      expect(result.firedRules).toEqual(['stable-back-to-grassroots']);
      expect(result.outcome).toMatchObject({ channel: 'rehabilitation', facilityId: 'chs-g01-home', level: 'grassroots', foundIn: 'home-facility', distanceKm: 5 });
    });

    it('without a home institution, or when it declined, to the nearest grassroots institution in the grid', () => {
      expect(routeOf(downFromTertiary({ homeFacilityId: null })).outcome).toMatchObject({ facilityId: 'vc-g01', foundIn: 'grid' });
      expect(routeOf(downFromTertiary({ excludedFacilityIds: ['chs-g01-home'] })).outcome).toMatchObject({ facilityId: 'vc-g01', foundIn: 'grid' });
    });

    it('refuses to send down a patient who is severe, critical or needs intensive care', () => {
      for (const change of [{ severity: 'severe' as const }, { severity: 'critical' as const }, { needsIcu: true }]) {
        expect(() => routeOf(downFromTertiary(change))).toThrow(expect.objectContaining({ code: 'NO_ROUTING_RULE_FIRED' }));
      }
    });
  });
});
