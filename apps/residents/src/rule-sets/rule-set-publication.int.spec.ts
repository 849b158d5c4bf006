import { defaultTriageRuleSet } from '@gridcare/residents-domain';
import { nationalId, registration } from '../testing/resident-fixtures';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { TriageRollouts } from './triage-rollouts.service';
import { Identity } from '@gridcare/identity';

const REGISTER = `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id tier } }`;
const PUBLISH = `mutation ($document: JSON!) { publishTriageRuleSet(document: $document) { version hash rules { id tier } } }`;
const ADMIN: Identity = { actorId: 'rules-editor', role: 'administrator', jurisdiction: { level: 'city' } };

describe('publishing a triage rule set re-triages the residents it affects', () => {
  let service: ResidentsTestApp;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
  });
  afterAll(async () => service.close());

  it('records new decisions only where the outcome changes, with progress, under the new version', async () => {
    const elderly = await service.graphql<{ registerResident: { id: string; tier: string } }>(REGISTER, {
      input: registration({ nationalId: nationalId('1959-05-05', 612), birthDate: '1959-05-05', livingAlone: false, conditions: [] }),
    });
    const adult = await service.graphql<{ registerResident: { id: string; tier: string } }>(REGISTER, {
      input: registration({ nationalId: nationalId('1986-05-05', 614), birthDate: '1986-05-05', livingAlone: false, conditions: [] }),
    });
    expect(elderly.data?.registerResident.tier).toBe('YELLOW');
    expect(adult.data?.registerResident.tier).toBe('GREEN');

    const document = structuredClone(defaultTriageRuleSet().document) as { version: string; rules: { id: string; tier: string }[] };
    document.version = '2026.2';
    document.rules = document.rules.map((rule) => (rule.id === 'elderly' ? { ...rule, tier: 'red' } : rule));
    const published = await service.graphql<{ publishTriageRuleSet: { version: string; hash: string } }>(PUBLISH, { document }, ADMIN);
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishTriageRuleSet.version).toBe('2026.2');

    await service.app.get(TriageRollouts).finished('2026.2');
    const rollout = await service.graphql<{ triageRollout: Record<string, unknown> }>(`{ triageRollout(version: "2026.2") { status residentsTotal processed retriaged } }`);
    expect(rollout.data?.triageRollout).toEqual({ status: 'finished', residentsTotal: 2, processed: 2, retriaged: 1 });

    await service.waitForProjections();
    const residentQuery = `query ($id: ID!) { resident(id: $id) { tier triageDecisions { trigger tier previousTier ruleSet { version } actor { id role } } } }`;
    const after = await service.graphql<{ resident: { tier: string; triageDecisions: Record<string, unknown>[] } }>(residentQuery, { id: elderly.data?.registerResident.id });
    expect(after.data?.resident.tier).toBe('RED');
    expect(after.data?.resident.triageDecisions[0]).toEqual({
      trigger: 'rule-set-published',
      tier: 'RED',
      previousTier: 'YELLOW',
      ruleSet: { version: '2026.2' },
      actor: { id: 'residents-service', role: 'system' },
    });
    const unaffected = await service.graphql<{ resident: { triageDecisions: unknown[] } }>(residentQuery, { id: adult.data?.registerResident.id });
    expect(unaffected.data?.resident.triageDecisions).toHaveLength(1);

    // New registrations use the rule set in force.
    const newcomer = await service.graphql<{ registerResident: { tier: string } }>(REGISTER, {
      input: registration({ nationalId: nationalId('1958-06-06', 616), birthDate: '1958-06-06', livingAlone: false, conditions: [] }),
    });
    expect(newcomer.data?.registerResident.tier).toBe('RED');
  });

  it('refuses an invalid document naming the field, and another content under a published version', async () => {
    const invalid = structuredClone(defaultTriageRuleSet().document) as { version: string; rules: { when: unknown }[] };
    invalid.version = '2026.3';
    invalid.rules[0].when = { fact: 'shoeSize', op: 'gte', value: 40 };
    const bad = await service.graphql(PUBLISH, { document: invalid }, ADMIN);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(bad.errors?.[0].extensions?.field)).toMatch(/^document\.rules/);

    const clash = structuredClone(defaultTriageRuleSet().document) as { description: string };
    clash.description = 'edited after publication';
    const conflict = await service.graphql(PUBLISH, { document: clash }, ADMIN);
    expect(conflict.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'document.version' });
  });
});
