// Valid event data for the specs; each spec breaks one field at a time.
import { EventContractViolation } from '@gridcare/event-contracts';
import { referralsContracts } from '../referrals-contracts';

export const REFERRAL_ID = '5e1c2d3b-4a59-4687-9a8b-7c6d5e4f3a21';
export const RESIDENT_ID = '0b6f1c9e-8a43-4c1e-9a55-2f7d7e3c1a10';
export const DECISION_ID = '7d1f4a52-3c9b-4e0f-8b6a-1e2d3c4b5a69';
export const HASH = 'a'.repeat(64);

const registry = referralsContracts();

/** The dot paths a violation names, or [] when the data is accepted. */
export function issuesOf(type: string, data: unknown): string[] {
  try {
    registry.validateForAppend(type, 1, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventContractViolation)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

export const facilityRegistered = () => ({
  facilityId: 'h-g07',
  name: 'Peking University Shougang Hospital',
  kind: 'tertiary-hospital' as const,
  level: 'tertiary' as const,
  districtId: 'd05',
  location: { latitude: 39.91, longitude: 116.19 },
  capabilities: ['fever-clinic' as const, 'emergency-department' as const, 'icu' as const],
  communityIds: [],
});

export const capacity = (facilityId = 'h-g07', open = 60, occupied = 59) => ({
  facilityId,
  gridId: 'g07',
  level: 'tertiary' as const,
  capabilities: ['fever-clinic' as const, 'emergency-department' as const, 'icu' as const],
  location: { latitude: 39.91, longitude: 116.19 },
  icuBeds: { open, occupied, held: 0 },
  facilityRevision: 3,
});

export const routingInputs = () => ({
  direction: 'up' as const,
  tier: 'red' as const,
  severity: 'critical' as const,
  spo2: 88,
  ageYears: 76,
  highRisk: true,
  needsIcu: true,
  gridId: 'g07',
  from: { facilityId: 'chc-d05-s003', level: 'grassroots' as const, location: { latitude: 39.92, longitude: 116.2 } },
  homeFacilityId: 'chc-d05-s003',
  excludedFacilityIds: [] as string[],
});

export const routingDecision = () => ({
  decisionId: DECISION_ID,
  inputs: routingInputs(),
  grid: { gridId: 'g07', neighbourGridIds: ['g06', 'g08'] },
  capacitySnapshot: [capacity()],
  policy: { id: 'routing', version: '2026.1', hash: HASH },
  firedRules: ['critically-ill-green-channel', 'high-risk-elderly-to-tertiary'],
  appliedRule: 'critically-ill-green-channel',
  outcome: {
    channel: 'green-channel' as const,
    facilityId: 'h-g07',
    level: 'tertiary' as const,
    gridId: 'g07',
    foundIn: 'any-grid' as const,
    distanceKm: 1.36,
    icuBedRequired: true,
    overCapacity: false,
  },
});

export const routingPolicy = () => ({
  id: 'routing',
  version: '2026.1',
  description: 'test policy',
  effectiveFrom: '2026-01-01',
  rules: [
    {
      id: 'critically-ill-green-channel',
      description: 'critically ill',
      when: { all: [{ fact: 'direction', op: 'eq', value: 'up' }, { fact: 'severity', op: 'eq', value: 'critical' }] },
      channel: 'green-channel' as const,
      target: { levels: ['second-level' as const, 'tertiary' as const], capabilities: ['icu' as const], icuBed: true, search: 'nearest-any-grid' as const },
    },
    {
      id: 'stable-back-to-grassroots',
      description: 'stable patients go home',
      when: { fact: 'direction', op: 'eq', value: 'down' },
      channel: 'rehabilitation' as const,
      target: { levels: ['grassroots' as const], capabilities: [], icuBed: false, search: 'home-then-grid' as const },
    },
  ],
  overCapacity: { description: 'emergency observation', capabilities: ['emergency-department' as const] },
});
