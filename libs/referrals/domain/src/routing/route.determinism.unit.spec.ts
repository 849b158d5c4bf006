import { RoutingInputs } from '@gridcare/referrals-contracts';
import { defaultRoutingPolicy } from './default-routing-policy';
import { route } from './route';
import { city, downFromTertiary, facility, GRID, inputs } from './testing/routing-fixtures';

const policy = defaultRoutingPolicy().document;

const CASES: [string, RoutingInputs][] = [
  ['critical', inputs({ severity: 'critical' })],
  ['critical, nearest declined', inputs({ severity: 'critical', excludedFacilityIds: ['sh-g01-a', 'sh-g02'] })],
  ['high-risk elderly, grid full', inputs({ ageYears: 80, highRisk: true, excludedFacilityIds: ['h-g01'] })],
  ['severe', inputs({ severity: 'severe', excludedFacilityIds: ['sh-g01-a'] })],
  ['moderate', inputs()],
  ['down', downFromTertiary()],
  ['down, home declined', downFromTertiary({ excludedFacilityIds: ['chs-g01-home'] })],
];

/** A fixed permutation, so the spec itself is deterministic. */
const shuffled = <T>(items: T[]): T[] => items.map((item, index) => ({ item, key: (index * 7919) % 13 })).sort((a, b) => a.key - b.key).map(({ item }) => item);

describe('route is deterministic', () => {
  it.each(CASES)('%s: the same inputs give the same decision', (_label, routingInputs) => {
    expect(route(routingInputs, city(), GRID, policy)).toEqual(route(routingInputs, city(), GRID, policy));
  });

  it.each(CASES)('%s: whatever the order of the capacity read model', (_label, routingInputs) => {
    expect(route(routingInputs, shuffled(city()), GRID, policy)).toEqual(route(routingInputs, city(), GRID, policy));
    expect(route(routingInputs, [...city()].reverse(), GRID, policy)).toEqual(route(routingInputs, city(), GRID, policy));
  });

  it.each(CASES)('%s: re-running on the recorded snapshot alone gives the same decision and snapshot', (_label, routingInputs) => {
    const decided = route(routingInputs, city(), GRID, policy);
    expect(route(routingInputs, decided.capacitySnapshot, GRID, policy)).toEqual(decided);
  });

  it('re-runs an over-capacity decision on its recorded snapshot', () => {
    const full = city().map((entry) => ({ ...entry, icuBeds: { open: entry.icuBeds.open, occupied: entry.icuBeds.open, held: 0 } }));
    const decided = route(inputs({ severity: 'critical' }), full, GRID, policy);
    expect(decided.outcome.overCapacity).toBe(true);
    expect(route(inputs({ severity: 'critical' }), decided.capacitySnapshot, GRID, policy)).toEqual(decided);
  });

  it('breaks a tie in distance by facility id', () => {
    const twins = [facility('sh-g01-z', 'g01', 'second-level', 2), facility('sh-g01-m', 'g01', 'second-level', 2)];
    expect(route(inputs(), twins, GRID, policy).outcome.facilityId).toBe('sh-g01-m');
    expect(route(inputs(), [...twins].reverse(), GRID, policy).outcome.facilityId).toBe('sh-g01-m');
  });
});
