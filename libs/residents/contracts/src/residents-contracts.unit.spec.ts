import { EventContractViolation } from '@gridcare/event-contracts';
import { residentsContracts } from './residents-contracts';
import { DECISION_ID, HASH, registered, RESIDENT_ID, ruleSetDocument, triaged } from './testing/contract-fixtures';

const registry = residentsContracts();

/** The dot paths a violation names, or [] when the data is accepted. */
function issuesOf(type: string, data: unknown): string[] {
  try {
    registry.validateForAppend(type, 1, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventContractViolation)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

describe('residentsContracts', () => {
  it('registers every residents event at version 1', () => {
    for (const type of [
      'ResidentRegistered',
      'NationalIdClaimed',
      'ResidentCorrected',
      'ResidentMoved',
      'ResidentVaccinationStatusUpdated',
      'TriageRuleSetPublished',
      'ResidentTriaged',
      'ResidentTierOverridden',
    ]) {
      expect(registry.currentVersion(type)).toBe(1);
    }
  });

  describe('ResidentRegistered', () => {
    it('accepts a manual registration and a census import', () => {
      expect(issuesOf('ResidentRegistered', registered())).toEqual([]);
      expect(issuesOf('ResidentRegistered', { ...registered(), source: 'census-import', importId: 'import-2026-01-03' })).toEqual([]);
    });

    it('names the field that is wrong', () => {
      expect(issuesOf('ResidentRegistered', { ...registered(), nationalId: '11010519491231002x' })).toEqual(['nationalId']);
      expect(issuesOf('ResidentRegistered', { ...registered(), birthDate: '2023-02-29' })).toEqual(['birthDate']);
      expect(issuesOf('ResidentRegistered', { ...registered(), sex: 'unknown' })).toEqual(['sex']);
      expect(issuesOf('ResidentRegistered', { ...registered(), conditions: [{ code: 'Heart Failure', controlled: true }] })).toEqual(['conditions[0].code']);
      expect(issuesOf('ResidentRegistered', { ...registered(), conditions: [{ code: 'copd', controlled: true }, { code: 'copd', controlled: false }] })).toEqual([
        'conditions[1].code',
      ]);
      expect(issuesOf('ResidentRegistered', { ...registered(), jurisdiction: { districtId: 'd', streetId: 's' } })).toEqual(['jurisdiction.communityId']);
      expect(issuesOf('ResidentRegistered', { ...registered(), age: 76 })).toEqual(['']);
    });

    it('ties importId to a census import', () => {
      expect(issuesOf('ResidentRegistered', { ...registered(), source: 'census-import', importId: null })).toEqual(['importId']);
      expect(issuesOf('ResidentRegistered', { ...registered(), importId: 'import-1' })).toEqual(['importId']);
    });
  });

  it('NationalIdClaimed carries the ID and the resident that claimed it', () => {
    expect(issuesOf('NationalIdClaimed', { nationalId: '11010519491231002X', residentId: RESIDENT_ID })).toEqual([]);
    expect(issuesOf('NationalIdClaimed', { nationalId: '1101051949', residentId: RESIDENT_ID })).toEqual(['nationalId']);
  });

  describe('ResidentCorrected', () => {
    it('accepts any subset of the facts with a reason', () => {
      expect(issuesOf('ResidentCorrected', { residentId: RESIDENT_ID, changes: { phone: null, livingAlone: false }, reason: 'moved in with her son' })).toEqual([]);
    });

    it('refuses no change, a fact that cannot be corrected and a blank reason', () => {
      expect(issuesOf('ResidentCorrected', { residentId: RESIDENT_ID, changes: {}, reason: 'x' })).toEqual(['changes']);
      expect(issuesOf('ResidentCorrected', { residentId: RESIDENT_ID, changes: { nationalId: '11010519491231002X' }, reason: 'x' })).toEqual([
        'changes', // nationalId is not a correctable fact
        'changes', // so nothing is left to change
      ]);
      expect(issuesOf('ResidentCorrected', { residentId: RESIDENT_ID, changes: { pregnant: true }, reason: '  ' })).toEqual(['reason']);
    });
  });

  it('ResidentMoved records where from and where to', () => {
    const place = { jurisdiction: registered().jurisdiction, gridId: 'grid-07' };
    expect(issuesOf('ResidentMoved', { residentId: RESIDENT_ID, from: place, to: { ...place, gridId: 'grid-08' }, reason: 'moved' })).toEqual([]);
    expect(issuesOf('ResidentMoved', { residentId: RESIDENT_ID, from: place, to: { ...place, gridId: '' }, reason: 'moved' })).toEqual(['to.gridId']);
  });

  it('ResidentVaccinationStatusUpdated counts doses and names its source event', () => {
    const data = { residentId: RESIDENT_ID, dosesReceived: 3, boostersReceived: 1, lastDoseOn: '2025-12-01', sourceEventId: DECISION_ID };
    expect(issuesOf('ResidentVaccinationStatusUpdated', data)).toEqual([]);
    expect(issuesOf('ResidentVaccinationStatusUpdated', { ...data, lastDoseOn: null, dosesReceived: 0, boostersReceived: 0 })).toEqual([]);
    expect(issuesOf('ResidentVaccinationStatusUpdated', { ...data, dosesReceived: -1, sourceEventId: 'dose-7' })).toEqual(['dosesReceived', 'sourceEventId']);
  });

  describe('TriageRuleSetPublished', () => {
    it('carries the whole rule set document and its hash', () => {
      expect(issuesOf('TriageRuleSetPublished', { ruleSet: ruleSetDocument(), hash: HASH })).toEqual([]);
      expect(issuesOf('TriageRuleSetPublished', { ruleSet: ruleSetDocument(), hash: 'ABC' })).toEqual(['hash']);
    });

    it('refuses a document with an unknown fact or operator, naming where', () => {
      const document = ruleSetDocument();
      const broken = { ...document, rules: [document.rules[0], { ...document.rules[1], when: { all: [{ fact: 'infectd', op: 'eq', value: true }, { not: { fact: 'ageYears', op: 'under', value: 65 } }] } }] };
      expect(issuesOf('TriageRuleSetPublished', { ruleSet: broken, hash: HASH })).toEqual(['ruleSet.rules[1].when.all[0].fact', 'ruleSet.rules[1].when.all[1].not.op']);
    });
  });

  describe('ResidentTriaged', () => {
    it('records trigger, inputs, rule set, fired rules and outcome', () => {
      expect(issuesOf('ResidentTriaged', triaged())).toEqual([]);
      expect(issuesOf('ResidentTriaged', { ...triaged(), trigger: { kind: 'spo2-reading', sourceEventId: DECISION_ID }, previousTier: 'green' })).toEqual([]);
    });

    it('refuses a decision missing its explanation', () => {
      expect(issuesOf('ResidentTriaged', { ...triaged(), trigger: { kind: 'whim', sourceEventId: null } })).toEqual(['trigger.kind']);
      expect(issuesOf('ResidentTriaged', { ...triaged(), inputs: { ...triaged().inputs, ageYears: 76.5 } })).toEqual(['inputs.ageYears']);
      expect(issuesOf('ResidentTriaged', { ...triaged(), ruleSet: { id: 'triage', version: '2026.1' } })).toEqual(['ruleSet.hash']);
      expect(issuesOf('ResidentTriaged', { ...triaged(), tier: 'orange' })).toEqual(['tier']);
    });
  });

  it('ResidentTierOverridden needs a reason and the rule set in force', () => {
    const data = {
      residentId: RESIDENT_ID,
      decisionId: '4b0c2f1e-9d7a-4e3b-8c6f-5a4b3c2d1e0f',
      tier: 'red',
      previousTier: 'yellow',
      reason: 'lives on the sixth floor without a lift',
      overridesDecisionId: DECISION_ID,
      ruleSet: { id: 'triage', version: '2026.1', hash: HASH },
    };
    expect(issuesOf('ResidentTierOverridden', data)).toEqual([]);
    expect(issuesOf('ResidentTierOverridden', { ...data, reason: '' })).toEqual(['reason']);
    expect(issuesOf('ResidentTierOverridden', { ...data, previousTier: null })).toEqual(['previousTier']);
  });
});
