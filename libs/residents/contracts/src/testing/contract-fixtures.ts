// Valid event data for the specs; each spec breaks one field at a time.

export const RESIDENT_ID = '0b6f1c9e-8a43-4c1e-9a55-2f7d7e3c1a10';
export const DECISION_ID = '7d1f4a52-3c9b-4e0f-8b6a-1e2d3c4b5a69';
export const HASH = 'a'.repeat(64);

export const registered = () => ({
  residentId: RESIDENT_ID,
  nationalId: '11010519491231002X',
  fullName: 'Wang Fang',
  sex: 'female' as const,
  birthDate: '1949-12-31',
  phone: '13800000000',
  jurisdiction: { districtId: 'd-chaoyang', streetId: 's-jianwai', communityId: 'c-yonganli' },
  gridId: 'grid-07',
  livingAlone: true,
  familyDoctorId: null,
  conditions: [{ code: 'copd', controlled: false }],
  lowImmunity: false,
  pregnant: false,
  source: 'manual' as const,
  importId: null,
});

export const ruleSetDocument = () => ({
  id: 'triage',
  version: '2026.1',
  description: 'test rules',
  effectiveFrom: '2026-01-01',
  seriousConditions: ['copd'],
  overrideRoles: ['family_doctor'],
  rules: [
    { id: 'elderly', tier: 'yellow' as const, description: '65 and above', when: { fact: 'ageYears' as const, op: 'gte' as const, value: 65 } },
    {
      id: 'elderly-infected',
      tier: 'red' as const,
      description: 'infected and 65 and above',
      when: { all: [{ fact: 'infected' as const, op: 'eq' as const, value: true }, { not: { fact: 'ageYears' as const, op: 'lt' as const, value: 65 } }] },
    },
  ],
});

export const triaged = () => ({
  residentId: RESIDENT_ID,
  decisionId: DECISION_ID,
  trigger: { kind: 'registration' as const, sourceEventId: null },
  asOf: '2026-01-05',
  inputs: {
    ageYears: 76,
    sex: 'female' as const,
    pregnant: false,
    lowImmunity: false,
    livingAlone: true,
    conditions: [{ code: 'copd', controlled: false }],
    infected: false,
    latestSpo2: null,
    dosesReceived: 0,
  },
  ruleSet: { id: 'triage', version: '2026.1', hash: HASH },
  firedRules: [{ id: 'elderly', tier: 'yellow' as const }],
  tier: 'yellow' as const,
  previousTier: null,
});
