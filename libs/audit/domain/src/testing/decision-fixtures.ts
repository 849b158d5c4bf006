// Decisions made by the real deciders (residents' and referrals'), as the log records them, for
// the audit's specs and the tools' integration spec.
import { fold } from '@gridcare/decider';
import { Capability, FacilityCapacity, FacilityLevel, RoutingGrid, RoutingInputs } from '@gridcare/referrals-contracts';
import { defaultRoutingPolicy, RedirectReferral, referralDecider, RequestReferral } from '@gridcare/referrals-domain';
import {
  defaultAntiviralRuleSet,
  defaultTriageRuleSet,
  nationalIdCheckCharacter,
  RegisterResident,
  residentDecider,
  ResidentCommand,
  TriageRuleSet,
} from '@gridcare/residents-domain';
import { AuditedEvent } from '../audited-event';

export const AS_OF = '2026-01-15';
export const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A decision (or any event) as the log holds it: `position` and ids made up, the actor a family doctor unless said. */
export function recorded(event: { type: string; data: unknown }, n: number, streamId: string, actor = { id: 'doctor-17', role: 'family_doctor' }): AuditedEvent {
  return { id: uuid('e0000000', n), streamId, position: `${1000 + n}/${n}`, type: event.type, schemaVersion: 1, data: event.data, metadata: { actor } };
}

const nationalIdFor = (birthDate: string, sequence: string) => {
  const first17 = `110102${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + nationalIdCheckCharacter(first17);
};

type Decided = { type: string; data: unknown };

/** Runs commands through the resident decider, as the app's handler would, and returns every event decided. */
function residentHistory(commands: ResidentCommand[]): Decided[] {
  const events: Decided[] = [];
  for (const command of commands) events.push(...residentDecider.decide(command, fold(residentDecider, events as never)));
  return events;
}

const context = (n: number) => ({ decisionId: uuid('d0000000', n), asOf: AS_OF, ruleSet: defaultTriageRuleSet() });

function register(residentId: string, birthDate: string, n: number): RegisterResident {
  return {
    type: 'RegisterResident',
    residentId,
    nationalId: nationalIdFor(birthDate, '002'),
    fullName: 'Zhao Min',
    sex: 'female',
    birthDate,
    phone: '13900000000',
    jurisdiction: { districtId: 'xicheng', streetId: 'xinjiekou', communityId: 'zhaodengyu' },
    gridId: 'g01',
    livingAlone: false,
    familyDoctorId: 'doctor-17',
    conditions: [],
    lowImmunity: false,
    pregnant: false,
    source: 'manual',
    importId: null,
    ...context(n),
  };
}

/**
 * A resident's case: registered (triaged green at 40, or yellow at 70), reported infected two days
 * after onset (triaged, and assessed for antivirals), an SpO2 reading of 93 (triaged again), and,
 * for the 40-year-old, a family doctor's override to green.
 */
export function residentCase(residentId: string, age: 40 | 70, n = 0, readingRuleSet: TriageRuleSet = defaultTriageRuleSet()): Decided[] {
  const birthDate = age === 40 ? '1985-06-15' : '1955-06-15';
  const commands: ResidentCommand[] = [
    register(residentId, birthDate, n + 1),
    {
      type: 'ReportInfection',
      episodeId: uuid('e9000000', n + 1),
      onsetOn: '2026-01-13',
      basis: 'antigen-test',
      symptoms: ['fever'],
      antiviralRuleSet: defaultAntiviralRuleSet(),
      ...context(n + 2),
    },
    { type: 'RecordSpo2Reading', spo2: 93, pulse: 80, measuredAt: '2026-01-15T08:00:00+08:00', measuredOn: AS_OF, ...context(n + 3), ruleSet: readingRuleSet },
  ];
  if (age === 40) commands.push({ type: 'OverrideTier', tier: 'green', reason: 'symptoms resolved at home', actorRole: 'family_doctor', decisionId: uuid('d0000000', n + 4), ruleSet: defaultTriageRuleSet() });
  return residentHistory(commands);
}

/** The decisions of one kind among decided events. */
export const decisionsOf = (events: Decided[], type: string) => events.filter((event) => event.type === type);

// ---------------------------------------------------------------------------------------------
// Routing: a small city on a line east of the referring community health service centre.

const KM_PER_DEGREE = (6371 * Math.PI) / 180;
const east = (km: number) => ({ latitude: 39.9, longitude: 116.4 + km / (KM_PER_DEGREE * Math.cos((39.9 * Math.PI) / 180)) });

function facility(facilityId: string, level: FacilityLevel, km: number, capabilities: Capability[], open = 0): FacilityCapacity {
  return { facilityId, gridId: 'g01', level, capabilities, location: east(km), icuBeds: { open, occupied: 0, held: 0 }, facilityRevision: 1 };
}

export const GRID: RoutingGrid = { gridId: 'g01', neighbourGridIds: [] };

/** sh-g01-c (2 km) has a fever clinic only; sh-g01-b (4 km) an emergency department too; h-g01 (6 km) everything. */
export const city = (): FacilityCapacity[] => [
  facility('chc-g01', 'grassroots', 0, ['fever-clinic']),
  facility('sh-g01-c', 'second-level', 2, ['fever-clinic']),
  facility('sh-g01-b', 'second-level', 4, ['fever-clinic', 'emergency-department']),
  facility('h-g01', 'tertiary', 6, ['fever-clinic', 'emergency-department', 'icu'], 20),
];

/** A severely ill resident (SpO2 90): severe-to-emergency-department, to sh-g01-b past sh-g01-c. */
export const SEVERE: RoutingInputs = {
  direction: 'up',
  tier: 'red',
  severity: 'moderate',
  spo2: 90,
  ageYears: 50,
  highRisk: false,
  needsIcu: false,
  gridId: 'g01',
  from: { facilityId: 'chc-g01', level: 'grassroots', location: east(0) },
  homeFacilityId: null,
  excludedFacilityIds: [],
};

export function referralRequested(referralId: string, residentId: string, inputs: RoutingInputs = SEVERE, n = 1): Decided {
  const command: RequestReferral = {
    type: 'RequestReferral',
    referralId,
    residentId,
    parentReferralId: null,
    inputs,
    decisionId: uuid('d1000000', n),
    capacity: city(),
    grid: GRID,
    policy: defaultRoutingPolicy(),
  };
  return referralDecider.decide(command, referralDecider.initialState())[0];
}

/** The referral requested, then declined by the facility it was routed to: a new routing decision. */
export function referralRedirected(referralId: string, residentId: string, n = 2): Decided {
  const requested = referralRequested(referralId, residentId, SEVERE, n);
  const command: RedirectReferral = {
    type: 'RedirectReferral',
    referralId,
    decliningFacilityId: 'sh-g01-b',
    declineReason: 'no-capability',
    note: null,
    decisionId: uuid('d1000000', n + 1),
    capacity: city(),
    grid: GRID,
    policy: defaultRoutingPolicy(),
  };
  return referralDecider.decide(command, fold(referralDecider, [requested as never]))[0];
}

// ---------------------------------------------------------------------------------------------
// Other versions of the shipped documents, for what-if.

/** A deep copy of a document with every `{ fact, op, value }` matching `where` changed by `change`. */
export function withCondition<T>(document: T, where: { fact: string; op: string; value: unknown }, change: Partial<{ op: string; value: unknown }>, version: string): T {
  const copy = JSON.parse(JSON.stringify(document)) as T & { version: string };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.fact === where.fact && record.op === where.op && record.value === where.value) Object.assign(record, change);
      Object.values(record).forEach(visit);
    }
  };
  visit(copy);
  copy.version = version;
  return copy;
}
