import { defaultAntiviralRuleSet, defaultTriageRuleSet } from '@gridcare/residents-domain';
import { defaultReferralPolicy, defaultRoutingPolicy, referralPolicyRefOf } from '@gridcare/referrals-domain';
import { AuditedEvent } from './audited-event';
import { DecisionTally } from './decision-tally';
import { rerunDecision, whatIf } from './rerun-decision';
import { loadRuleSetDocument, RuleSetLibrary, ruleSetEntry } from './rule-set-library';
import { decisionsOf, recorded, referralRedirected, referralRequested, residentCase, uuid, withCondition } from './testing/decision-fixtures';

const RESIDENT = '3f0e1d2c-4b5a-4697-8a8b-9c0d1e2f3a4b';
const ELDER = '4a0e1d2c-4b5a-4697-8a8b-9c0d1e2f3a4b';
const REFERRAL = 'a0000000-0000-4000-8000-000000000001';
const library = RuleSetLibrary.builtIn();

const youngCase = residentCase(RESIDENT, 40);
const elderCase = residentCase(ELDER, 70, 10);
const streamOf = (id: string) => `resident-${id}`;
/** The resident's decisions of a type, as recorded events, in order. */
const recordedOf = (events: ReturnType<typeof residentCase>, type: string, residentId = RESIDENT) =>
  decisionsOf(events, type).map((event, i) => recorded(event, i + 1, streamOf(residentId)));

/** The same event with its data changed. */
const tampered = (event: AuditedEvent, change: (data: Record<string, unknown>) => void): AuditedEvent => {
  const data = structuredClone(event.data) as Record<string, unknown>;
  change(data);
  return { ...event, data };
};

describe('re-running triage decisions', () => {
  const [registration, infection, reading] = recordedOf(youngCase, 'ResidentTriaged');

  it('re-runs every decision the resident decider made identical, with the rule set it cites', () => {
    for (const event of [registration, infection, reading]) {
      const check = rerunDecision(event, library);
      expect(check).toMatchObject({ kind: 'triage', status: 'identical', identical: true, differences: [], streamId: streamOf(RESIDENT), position: event.position });
      expect(check.ruleSet).toEqual({ id: 'triage', version: '2026.1', hash: defaultTriageRuleSet().hash });
    }
    expect((reading.data as { tier: string }).tier).toBe('yellow');
  });

  it('reports a tampered tier, naming the field', () => {
    const check = rerunDecision(tampered(reading, (data) => (data.tier = 'red')), library);
    expect(check.identical).toBe(false);
    expect(check.status).toBe('different');
    expect(check.differences).toEqual([{ field: 'tier', recorded: 'red', rerun: 'yellow' }]);
  });

  it('reports tampered fired rules: ids in order, and the tier a rule fired with', () => {
    const dropped = rerunDecision(tampered(reading, (data) => (data.firedRules = [])), library);
    expect(dropped.differences).toEqual([{ field: 'firedRules', recorded: [], rerun: ['infected'] }]);
    const otherTier = rerunDecision(tampered(reading, (data) => (data.firedRules = [{ id: 'infected', tier: 'red' }])), library);
    expect(otherTier.differences).toEqual([{ field: 'firedRules', recorded: [{ id: 'infected', tier: 'red' }], rerun: [{ id: 'infected', tier: 'yellow' }] }]);
  });

  it('reports tampered inputs as the outcome they change', () => {
    const check = rerunDecision(tampered(reading, (data) => ((data.inputs as { latestSpo2: number }).latestSpo2 = 90)), library);
    expect(check.differences.map((difference) => difference.field)).toEqual(['tier', 'firedRules']);
  });

  it('reports a rule set hash the library does not know, and an id or version that does not match the hash', () => {
    const unknown = rerunDecision(tampered(reading, (data) => ((data.ruleSet as { hash: string }).hash = 'f'.repeat(64))), library);
    expect(unknown).toMatchObject({ status: 'different', differences: [{ field: 'ruleSet', rerun: 'rule set not found' }] });
    const renamed = rerunDecision(tampered(reading, (data) => ((data.ruleSet as { version: string }).version = '2026.9')), library);
    expect(renamed.differences[0]).toMatchObject({ field: 'ruleSet', rerun: 'rule set id or version does not match its hash: triage 2026.1' });
  });

  it("reports an event its contract refuses as a difference, not a crash", () => {
    const check = rerunDecision(tampered(reading, (data) => (data.tier = 'purple')), library);
    expect(check).toMatchObject({ status: 'different', differences: [{ field: 'event' }] });
  });

  it('finds a rule set published in the log only, and refuses a publication whose hash is not its document', () => {
    const document = withCondition(defaultTriageRuleSet().document, { fact: 'latestSpo2', op: 'lt', value: 93 }, { value: 94 }, '2026.2');
    const published = loadRuleSetDocument(document);
    const publication = (hash: string): AuditedEvent => ({ ...recorded({ type: 'TriageRuleSetPublished', data: { ruleSet: document, hash } }, 90, 'triage-rule-set') });
    const fromLog = RuleSetLibrary.fromLog([publication(published.ref.hash)]);
    expect(fromLog.find('triage', published.ref)).toMatchObject({ found: true, entry: { source: { from: 'log' } } });
    expect(library.find('triage', published.ref)).toMatchObject({ found: false });
    const wrongHash = RuleSetLibrary.fromLog([publication('0'.repeat(64))]);
    expect(wrongHash.issues).toHaveLength(1);
    expect(wrongHash.find('triage', published.ref)).toMatchObject({ found: false });
  });
});

describe('what-if for triage', () => {
  const [, , reading] = recordedOf(youngCase, 'ResidentTriaged');

  it('shows the tier and fired rules a lower SpO2 threshold would have given, writing nothing', () => {
    const stricter = loadRuleSetDocument(withCondition(defaultTriageRuleSet().document, { fact: 'latestSpo2', op: 'lt', value: 93 }, { value: 94 }, '2026.1-spo2-94'));
    const before = structuredClone(reading.data);
    const result = whatIf(reading, stricter);
    expect(result).toMatchObject({ applicable: true, changed: true, alternativeRuleSet: stricter.ref });
    expect(result.differences).toEqual([
      { field: 'tier', recorded: 'yellow', rerun: 'red' },
      { field: 'firedRules', recorded: ['infected'], rerun: ['infected-low-spo2', 'infected'] },
    ]);
    expect(reading.data).toEqual(before);
  });

  it('shows what dropping a rule changes, and nothing when the rule set gives the same', () => {
    const document = structuredClone(defaultTriageRuleSet().document) as { version: string; rules: { id: string }[] };
    document.version = '2026.1-no-infected';
    document.rules = document.rules.filter((rule) => rule.id !== 'infected');
    const result = whatIf(reading, loadRuleSetDocument(document));
    expect(result.differences).toEqual([
      { field: 'tier', recorded: 'yellow', rerun: 'green' },
      { field: 'firedRules', recorded: ['infected'], rerun: [] },
    ]);
    expect(whatIf(reading, ruleSetEntry('triage', defaultTriageRuleSet()))).toMatchObject({ applicable: true, changed: false, differences: [] });
  });

  it('does not apply another kind of rule set', () => {
    expect(whatIf(reading, ruleSetEntry('routing-policy', defaultRoutingPolicy()))).toMatchObject({ applicable: false, changed: false });
  });
});

describe('manual overrides', () => {
  const [override] = recordedOf(youngCase, 'ResidentTierOverridden');

  it('are checked, not re-run: the rule set they cite is known and allowed the role', () => {
    expect(rerunDecision(override, library)).toMatchObject({ kind: 'tier-override', status: 'checked', identical: true, differences: [] });
  });

  it('report a role the rule set did not allow', () => {
    const byWorker = { ...override, metadata: { actor: { id: 'worker-3', role: 'community_worker' } } };
    expect(rerunDecision(byWorker, library)).toMatchObject({ status: 'different', differences: [{ field: 'actor.role', recorded: 'community_worker' }] });
  });
});

describe('antiviral eligibility decisions', () => {
  const [young] = recordedOf(youngCase, 'AntiviralEligibilityAssessed');
  const [elder] = recordedOf(elderCase, 'AntiviralEligibilityAssessed', ELDER);

  it('re-run identical with the built-in rule set', () => {
    expect(rerunDecision(young, library)).toMatchObject({ kind: 'antiviral-eligibility', status: 'identical' });
    expect(rerunDecision(elder, library)).toMatchObject({ status: 'identical', ruleSet: { id: 'antiviral-eligibility', hash: defaultAntiviralRuleSet().hash } });
    expect(elder.data).toMatchObject({ outcome: 'eligible', firedRules: [{ id: 'aged-65-and-over', finding: 'key-group' }] });
  });

  it('report a tampered outcome or fired rules, and recorded days since onset that the dates contradict', () => {
    expect(rerunDecision(tampered(elder, (data) => (data.outcome = 'not-eligible')), library).differences).toEqual([{ field: 'outcome', recorded: 'not-eligible', rerun: 'eligible' }]);
    expect(rerunDecision(tampered(elder, (data) => (data.firedRules = [])), library).differences).toEqual([{ field: 'firedRules', recorded: [], rerun: ['aged-65-and-over'] }]);
    const days = rerunDecision(tampered(elder, (data) => ((data.inputs as { daysSinceOnset: number }).daysSinceOnset = 1)), library);
    expect(days.differences).toEqual([{ field: 'inputs.daysSinceOnset', recorded: 1, rerun: 2 }]);
  });

  it('what-if: a shorter early window excludes the elderly resident', () => {
    const shorter = loadRuleSetDocument(withCondition(defaultAntiviralRuleSet().document, { fact: 'daysSinceOnset', op: 'gt', value: 5 }, { value: 1 }, '2026.1-window-1'));
    expect(shorter.kind).toBe('antiviral-eligibility');
    expect(whatIf(elder, shorter).differences).toEqual([
      { field: 'outcome', recorded: 'eligible', rerun: 'not-eligible' },
      { field: 'firedRules', recorded: ['aged-65-and-over'], rerun: ['aged-65-and-over', 'past-early-window'] },
    ]);
  });
});

describe('routing decisions', () => {
  const requested = recorded(referralRequested(REFERRAL, RESIDENT), 1, `referral-${REFERRAL}`);
  const redirected = recorded(referralRedirected(REFERRAL, RESIDENT), 2, `referral-${REFERRAL}`);

  it('re-run identical on the recorded inputs, grid and capacity snapshot, for a request and a redirect', () => {
    expect(requested.data).toMatchObject({ decision: { appliedRule: 'severe-to-emergency-department', outcome: { facilityId: 'sh-g01-b' } } });
    expect(rerunDecision(requested, library)).toMatchObject({ kind: 'routing', status: 'identical', decisionId: uuid('d1000000', 1), ruleSet: { hash: defaultRoutingPolicy().hash } });
    expect(redirected.data).toMatchObject({ decision: { outcome: { facilityId: 'h-g01' } } });
    expect(rerunDecision(redirected, library)).toMatchObject({ eventType: 'ReferralRedirected', status: 'identical' });
  });

  it('report a tampered facility, and a snapshot that no longer gives the recorded route', () => {
    const otherFacility = tampered(requested, (data) => ((data.decision as { outcome: { facilityId: string } }).outcome.facilityId = 'sh-g01-c'));
    expect(rerunDecision(otherFacility, library).differences).toEqual([{ field: 'outcome.facilityId', recorded: 'sh-g01-c', rerun: 'sh-g01-b' }]);
    const noSnapshot = tampered(requested, (data) => {
      const decision = data.decision as { capacitySnapshot: { facilityId: string; capabilities: string[] }[] };
      decision.capacitySnapshot[1].capabilities = ['fever-clinic'];
    });
    expect(rerunDecision(noSnapshot, library).differences[0]).toMatchObject({ field: 'outcome', rerun: expect.stringContaining('NO_FACILITY_FOUND') });
  });

  it('what-if: a lower SpO2 threshold for the emergency department sends the patient to the nearer fever clinic', () => {
    const lower = loadRuleSetDocument(withCondition(defaultRoutingPolicy().document, { fact: 'spo2', op: 'lt', value: 93 }, { value: 85 }, '2026.1-spo2-85'));
    expect(lower.kind).toBe('routing-policy');
    const result = whatIf(requested, lower);
    expect(result.changed).toBe(true);
    expect(result.differences).toEqual([
      { field: 'appliedRule', recorded: 'severe-to-emergency-department', rerun: 'upward-within-grid' },
      { field: 'firedRules', recorded: ['severe-to-emergency-department', 'upward-within-grid'], rerun: ['upward-within-grid'] },
      { field: 'outcome.facilityId', recorded: 'sh-g01-b', rerun: 'sh-g01-c' },
      { field: 'outcome.distanceKm', recorded: 4, rerun: 2 },
    ]);
    expect(result.note).toMatch(/capacity snapshot/);
  });
});

describe('skipped referral triggers', () => {
  it('are not re-runnable (their inputs are read-model state the event does not record), but their policy is checked', () => {
    const skip = (hash: string) =>
      recorded(
        {
          type: 'ReferralTriggerSkipped',
          data: {
            residentId: RESIDENT,
            trigger: { kind: 'low-spo2', eventId: uuid('e5000000', 1), eventType: 'Spo2Recorded' },
            reason: 'open-referral',
            openReferralId: REFERRAL,
            refusal: null,
            policy: { ...referralPolicyRefOf(defaultReferralPolicy()), hash },
          },
        },
        3,
        `referral-policy-${RESIDENT}`,
      );
    const check = rerunDecision(skip(defaultReferralPolicy().hash), library);
    expect(check).toMatchObject({ kind: 'referral-trigger-skip', status: 'not-rerunnable', identical: false, differences: [] });
    expect(check.note).toMatch(/read model/);
    expect(rerunDecision(skip('a'.repeat(64)), library)).toMatchObject({ status: 'different', differences: [{ field: 'ruleSet' }] });
  });
});

describe('the tally', () => {
  it('counts per kind and keeps the first differences', () => {
    const tally = new DecisionTally(2);
    const [registration, infection] = recordedOf(youngCase, 'ResidentTriaged');
    tally.add(rerunDecision(registration, library));
    tally.add(rerunDecision(tampered(infection, (data) => (data.tier = 'green')), library));
    tally.add(rerunDecision(tampered(infection, (data) => (data.firedRules = [])), library));
    tally.add(rerunDecision(tampered(infection, (data) => (data.tier = 'red')), library));
    expect(tally.byKind.get('triage')).toEqual({ checked: 4, identical: 1, different: 3, checkedNotRerun: 0, notRerunnable: 0 });
    expect(tally.anyDifferent).toBe(true);
    expect(tally.firstDifferences).toEqual([
      expect.objectContaining({ field: 'tier', recorded: 'green', rerun: 'yellow', streamId: streamOf(RESIDENT), position: infection.position }),
      expect.objectContaining({ field: 'firedRules' }),
    ]);
  });

  it('lists a check added late (re-checked after the pass) in its log order', () => {
    const tally = new DecisionTally(2);
    const [, infection] = recordedOf(youngCase, 'ResidentTriaged');
    const green = rerunDecision(tampered(infection, (data) => (data.tier = 'green')), library);
    const red = rerunDecision(tampered(infection, (data) => (data.tier = 'red')), library);
    const noRules = rerunDecision(tampered(infection, (data) => (data.firedRules = [])), library);
    tally.add(green, 10);
    tally.add(red, 30);
    tally.add(noRules, 20);
    expect(tally.firstDifferences.map((difference) => difference.recorded)).toEqual(['green', []]);
    tally.add(red, 5);
    expect(tally.firstDifferences.map((difference) => difference.recorded)).toEqual(['red', 'green']);
    expect(tally.total).toMatchObject({ checked: 4, different: 4 });
  });
});
