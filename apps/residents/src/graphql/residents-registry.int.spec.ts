import { actorOfIdentity } from '@gridcare/identity';
import { defaultTriageRuleSet } from '@gridcare/residents-domain';
import { registration, RESIDENT_FIELDS, nationalId, XIAZHUANG } from '../testing/resident-fixtures';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { DOCTOR, WORKER } from '../testing/test-identities';

interface ResidentResult {
  id: string;
  tier: string;
  tierOverridden: boolean;
  triageDecisions: { firedRules: { id: string }[]; inputs: Record<string, unknown>; [field: string]: unknown }[];
  [field: string]: unknown;
}

const REGISTER = `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { ${RESIDENT_FIELDS} } }`;

describe('residents subgraph: registry and triage over GraphQL', () => {
  let service: ResidentsTestApp;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
  });
  afterAll(async () => service.close());

  it('registers a resident and shows the triage decision with its explanation', async () => {
    const { data, errors } = await service.graphql<{ registerResident: ResidentResult }>(REGISTER, { input: registration() }, WORKER);
    expect(errors).toBeUndefined();
    const resident = data?.registerResident;
    expect(resident).toMatchObject({ fullName: 'Wang Guifang', sex: 'FEMALE', tier: 'YELLOW', tierOverridden: false, jurisdiction: XIAZHUANG });
    const [decision] = resident?.triageDecisions ?? [];
    const ruleSet = defaultTriageRuleSet();
    expect(decision).toMatchObject({
      kind: 'triage',
      trigger: 'registration',
      tier: 'YELLOW',
      previousTier: null,
      asOf: '2026-01-15',
      actor: actorOfIdentity(WORKER),
      ruleSet: { id: ruleSet.document.id, version: ruleSet.document.version, hash: ruleSet.hash },
    });
    expect(decision.firedRules.map((rule: { id: string }) => rule.id)).toEqual(['elderly', 'elderly-living-alone']);
    expect(decision.inputs).toMatchObject({ ageYears: 67, livingAlone: true });
  });

  it('refuses a second registration of the same national ID, naming the resident already registered', async () => {
    const first = await service.graphql<{ registerResident: { id: string } }>(REGISTER, { input: registration({ nationalId: nationalId('1990-05-01', 226) , birthDate: '1990-05-01' }) }, WORKER);
    const again = await service.graphql(REGISTER, { input: registration({ nationalId: nationalId('1990-05-01', 226), birthDate: '1990-05-01', fullName: 'Someone Else' }) }, WORKER);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'nationalId', existingResidentId: first.data?.registerResident.id });
  });

  it('lets only one of two racing registrations of one national ID through', async () => {
    const input = registration({ nationalId: nationalId('1985-07-07', 318), birthDate: '1985-07-07' });
    const [a, b] = await Promise.all([service.graphql(REGISTER, { input }, WORKER), service.graphql(REGISTER, { input }, WORKER)]);
    const outcomes = [a, b].map((response) => (response.errors ? response.errors[0].extensions?.code : 'registered')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'registered']);
  });

  it('refuses bad input with a typed error naming the field, and writes nothing', async () => {
    const badId = await service.graphql(REGISTER, { input: registration({ nationalId: '110107195803121230' }) }, WORKER);
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nationalId' });
    const pregnantMan = await service.graphql(REGISTER, { input: registration({ nationalId: nationalId('1990-01-01', 111), birthDate: '1990-01-01', sex: 'MALE', pregnant: true }) }, WORKER);
    expect(pregnantMan.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pregnant' });
    const counts = await service.graphql<{ residents: { edges: unknown[] } }>(`{ residents(filter: { communityId: "${XIAZHUANG.communityId}" }, first: 100) { edges { node { id } } } }`);
    expect(counts.data?.residents.edges).toHaveLength(3);
  });

  it('tells a client what was wrong with a query, never where in the server', async () => {
    const response = await service.graphql('{ resident(id: "x") { noSuchField } }');
    expect(response.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('re-triages when a fact is corrected, and the tier counts follow', async () => {
    const id = (await service.graphql<{ registerResident: { id: string } }>(REGISTER, { input: registration({ nationalId: nationalId('1950-02-02', 402), birthDate: '1950-02-02', conditions: [] }) }, WORKER)).data?.registerResident.id;
    const corrected = await service.graphql<{ correctResident: ResidentResult }>(
      `mutation ($input: CorrectResidentInput!) { correctResident(input: $input) { ${RESIDENT_FIELDS} } }`,
      { input: { residentId: id, changes: { conditions: [{ code: 'copd', controlled: false }] }, reason: 'diagnosis from the family doctor' } },
      DOCTOR,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.correctResident.tier).toBe('RED');
    expect(corrected.data?.correctResident.triageDecisions[0]).toMatchObject({ trigger: 'facts-corrected', tier: 'RED', previousTier: 'YELLOW', actor: actorOfIdentity(DOCTOR) });
    const counts = await service.graphql<{ tierCounts: { areaId: string; red: number; yellow: number; green: number; total: number }[] }>(
      `{ tierCounts(level: COMMUNITY, areaIds: ["${XIAZHUANG.communityId}"]) { areaId red yellow green total } }`,
    );
    const rows = await service.graphql<{ residents: { edges: { node: { tier: string } }[] } }>(`{ residents(filter: { communityId: "${XIAZHUANG.communityId}" }, first: 100) { edges { node { tier } } } }`);
    const byTier = (tier: string) => rows.data?.residents.edges.filter((edge) => edge.node.tier === tier).length;
    expect(counts.data?.tierCounts[0]).toMatchObject({ red: byTier('RED'), yellow: byTier('YELLOW'), green: byTier('GREEN'), total: rows.data?.residents.edges.length });
  });

  it('allows an override only with a reason and a permitted role, and records it as a decision', async () => {
    const id = (await service.graphql<{ registerResident: { id: string } }>(REGISTER, { input: registration({ nationalId: nationalId('1995-09-09', 520), birthDate: '1995-09-09', livingAlone: false, conditions: [] }) }, WORKER)).data?.registerResident.id;
    const OVERRIDE = `mutation ($input: OverrideTierInput!) { overrideTier(input: $input) { ${RESIDENT_FIELDS} } }`;
    const byWorker = await service.graphql(OVERRIDE, { input: { residentId: id, tier: 'RED', reason: 'lives with a bedridden parent' } }, WORKER);
    expect(byWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await service.graphql(OVERRIDE, { input: { residentId: id, tier: 'RED', reason: ' ' } }, DOCTOR);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const done = await service.graphql<{ overrideTier: ResidentResult }>(OVERRIDE, { input: { residentId: id, tier: 'RED', reason: 'lives with a bedridden parent' } }, DOCTOR);
    expect(done.data?.overrideTier).toMatchObject({ tier: 'RED', tierOverridden: true });
    expect(done.data?.overrideTier.triageDecisions[0]).toMatchObject({ kind: 'override', tier: 'RED', previousTier: 'GREEN', reason: 'lives with a bedridden parent', actor: actorOfIdentity(DOCTOR) });
  });
});
