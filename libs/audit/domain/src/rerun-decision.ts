import { DomainError } from '@gridcare/decider';
import { ReferralRedirectedData, ReferralRequestedData, ReferralTriggerSkippedData, RoutingDecision, RoutingOutcome } from '@gridcare/referrals-contracts';
import { Route, route } from '@gridcare/referrals-domain';
import { AntiviralEligibilityAssessedData, ResidentTierOverriddenData, ResidentTriagedData } from '@gridcare/residents-contracts';
import { assessAntiviralEligibility, daysBetween, triage } from '@gridcare/residents-domain';
import { RuleSetRef } from '@gridcare/rule-language';
import { readEventData } from './audit-contracts';
import { AuditedEvent, DecisionKind, decisionKindOf } from './audited-event';
import { DecisionCheck, Difference, WhatIfResult } from './decision-check';
import { RuleSetEntry, RuleSetKind, RuleSetLibrary } from './rule-set-library';

/** The decision a recorded event holds, read through its contract. */
type ParsedDecision =
  | { readonly kind: 'triage'; readonly data: ResidentTriagedData }
  | { readonly kind: 'tier-override'; readonly data: ResidentTierOverriddenData }
  | { readonly kind: 'antiviral-eligibility'; readonly data: AntiviralEligibilityAssessedData }
  | { readonly kind: 'routing'; readonly data: RoutingDecision }
  | { readonly kind: 'referral-trigger-skip'; readonly data: ReferralTriggerSkippedData };

const RULE_SET_KIND: Record<DecisionKind, RuleSetKind> = {
  triage: 'triage',
  'tier-override': 'triage',
  'antiviral-eligibility': 'antiviral-eligibility',
  routing: 'routing-policy',
  'referral-trigger-skip': 'referral-policy',
};

function parseDecision(event: AuditedEvent, kind: DecisionKind): ParsedDecision {
  switch (kind) {
    case 'triage':
      return { kind, data: readEventData<ResidentTriagedData>(event) };
    case 'tier-override':
      return { kind, data: readEventData<ResidentTierOverriddenData>(event) };
    case 'antiviral-eligibility':
      return { kind, data: readEventData<AntiviralEligibilityAssessedData>(event) };
    case 'routing':
      return { kind, data: readEventData<ReferralRequestedData | ReferralRedirectedData>(event).decision };
    case 'referral-trigger-skip':
      return { kind, data: readEventData<ReferralTriggerSkippedData>(event) };
  }
}

const citedRuleSet = (decision: ParsedDecision): RuleSetRef => {
  switch (decision.kind) {
    case 'routing':
    case 'referral-trigger-skip':
      return decision.data.policy;
    default:
      return decision.data.ruleSet;
  }
};

const decisionIdOf = (decision: ParsedDecision): string | null => ('decisionId' in decision.data ? decision.data.decisionId : null);

const messageOf = (error: unknown) => (error instanceof DomainError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error));

// ---------------------------------------------------------------------------------------------
// Comparing outcomes. Each kind's re-run gives { outcome fields, fired rules } to compare with
// what was recorded; `compare*` list the fields that differ, in a fixed order.

interface RuleOutcome<Rule extends { id: string }> {
  readonly firedRules: readonly Rule[];
}

/** Fired rules in order: ids first; the ids being equal, the tier or finding each fired with. */
function compareFiredRules<Rule extends { id: string }>(recorded: RuleOutcome<Rule>, rerun: RuleOutcome<Rule>, differences: Difference[]): void {
  const ids = (rules: readonly Rule[]) => rules.map((rule) => rule.id);
  const recordedIds = ids(recorded.firedRules);
  const rerunIds = ids(rerun.firedRules);
  if (recordedIds.join('\n') !== rerunIds.join('\n')) {
    differences.push({ field: 'firedRules', recorded: recordedIds, rerun: rerunIds });
  } else if (JSON.stringify(recorded.firedRules) !== JSON.stringify(rerun.firedRules.map((rule, i) => orderedLike(rule, recorded.firedRules[i])))) {
    differences.push({ field: 'firedRules', recorded: recorded.firedRules, rerun: rerun.firedRules });
  }
}

/** `value` with its keys in `like`'s order, so JSON.stringify compares content only. */
function orderedLike<T extends object>(value: T, like: T): T {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(like)) ordered[key] = (value as Record<string, unknown>)[key];
  for (const key of Object.keys(value)) if (!(key in ordered)) ordered[key] = (value as Record<string, unknown>)[key];
  return ordered as T;
}

function compareValue(field: string, recorded: unknown, rerun: unknown, differences: Difference[]): void {
  if (recorded !== rerun) differences.push({ field, recorded, rerun });
}

const ROUTING_OUTCOME_FIELDS: readonly (keyof RoutingOutcome)[] = ['channel', 'facilityId', 'level', 'gridId', 'foundIn', 'distanceKm', 'icuBedRequired', 'overCapacity'];

function compareRoute(recorded: RoutingDecision, rerun: Route | { refused: string }, differences: Difference[], compareSnapshot: boolean): void {
  if ('refused' in rerun) {
    differences.push({ field: 'outcome', recorded: `${recorded.outcome.channel} to ${recorded.outcome.facilityId}`, rerun: `refused (${rerun.refused})` });
    return;
  }
  compareValue('appliedRule', recorded.appliedRule, rerun.appliedRule, differences);
  if (recorded.firedRules.join('\n') !== rerun.firedRules.join('\n')) differences.push({ field: 'firedRules', recorded: recorded.firedRules, rerun: rerun.firedRules });
  for (const key of ROUTING_OUTCOME_FIELDS) compareValue(`outcome.${key}`, recorded.outcome[key], rerun.outcome[key], differences);
  if (compareSnapshot) {
    const recordedIds = recorded.capacitySnapshot.map((facility) => facility.facilityId);
    const rerunIds = rerun.capacitySnapshot.map((facility) => facility.facilityId);
    if (recordedIds.join('\n') !== rerunIds.join('\n')) differences.push({ field: 'capacitySnapshot', recorded: recordedIds, rerun: rerunIds });
  }
}

function rerunRoute(decision: RoutingDecision, policy: RuleSetEntry & { kind: 'routing-policy' }): Route | { refused: string } {
  try {
    return route(decision.inputs, decision.capacitySnapshot, decision.grid, policy.ruleSet.document);
  } catch (error) {
    return { refused: messageOf(error) };
  }
}

// ---------------------------------------------------------------------------------------------
// Re-running with the cited rule set.

interface Verdict {
  readonly status: DecisionCheck['status'];
  readonly differences: Difference[];
  readonly note?: string;
}

function verdictFor(decision: ParsedDecision, entry: RuleSetEntry, event: AuditedEvent): Verdict {
  const differences: Difference[] = [];
  switch (decision.kind) {
    case 'triage': {
      if (entry.kind !== 'triage') break;
      const rerun = triage(decision.data.inputs, entry.ruleSet.document);
      compareValue('tier', decision.data.tier, rerun.tier, differences);
      compareFiredRules(decision.data, rerun, differences);
      return { status: differences.length ? 'different' : 'identical', differences };
    }
    case 'antiviral-eligibility': {
      if (entry.kind !== 'antiviral-eligibility') break;
      const { inputs, asOf } = decision.data;
      const rerun = assessAntiviralEligibility(inputs, entry.ruleSet.document);
      compareValue('outcome', decision.data.outcome, rerun.outcome, differences);
      compareFiredRules(decision.data, rerun, differences);
      // The one recorded input derived from other recorded ones: the days from onset to the decision's city date.
      compareValue('inputs.daysSinceOnset', inputs.daysSinceOnset, Math.max(0, daysBetween(inputs.onsetOn, asOf)), differences);
      return { status: differences.length ? 'different' : 'identical', differences };
    }
    case 'routing': {
      if (entry.kind !== 'routing-policy') break;
      compareRoute(decision.data, rerunRoute(decision.data, entry), differences, true);
      return { status: differences.length ? 'different' : 'identical', differences };
    }
    case 'tier-override': {
      if (entry.kind !== 'triage') break;
      // An override evaluates no rule: what can be checked is that the rule set it cites allowed the actor's role.
      const role = event.metadata?.actor?.role ?? null;
      const { overrideRoles } = entry.ruleSet.document;
      if (role === null || !overrideRoles.includes(role)) differences.push({ field: 'actor.role', recorded: role, rerun: `one of ${overrideRoles.join(', ')}` });
      if (decision.data.tier === decision.data.previousTier) differences.push({ field: 'tier', recorded: decision.data.tier, rerun: `a tier other than the previous (${decision.data.previousTier})` });
      return {
        status: differences.length ? 'different' : 'checked',
        differences,
        note: 'a manual decision: checked that the rule set it cites is known and allowed the actor role; not re-run',
      };
    }
    case 'referral-trigger-skip':
      return {
        status: 'not-rerunnable',
        differences,
        note: `the skip (${decision.data.reason}) was decided on the referrals read model (the resident's facts and open referrals), which the event does not record; its policy was found`,
      };
  }
  return { status: 'different', differences: [{ field: 'ruleSet', recorded: entry.ref, rerun: `a ${RULE_SET_KIND[decision.kind]} rule set, not ${entry.kind}` }] };
}

function unreadable(event: AuditedEvent, kind: DecisionKind, error: unknown): DecisionCheck {
  return {
    kind,
    eventType: event.type,
    eventId: event.id,
    decisionId: null,
    streamId: event.streamId,
    position: event.position,
    ruleSet: null,
    status: 'different',
    identical: false,
    differences: [{ field: 'event', recorded: 'stored data', rerun: `unreadable: ${messageOf(error)}` }],
  };
}

/**
 * Re-runs a recorded decision: loads the rule set it cites from the library (by kind, id,
 * version and hash), runs the pure decision function on the inputs the decision recorded, and
 * compares the outcome and the fired rules (ids, in order) with those recorded.
 *
 * - triage (`ResidentTriaged`): `triage(inputs, ruleSet)`: tier and fired rules;
 * - antiviral eligibility (`AntiviralEligibilityAssessed`): `assessAntiviralEligibility(inputs, ruleSet)`:
 *   outcome and fired rules, and the recorded days since onset against onset and city date;
 * - routing (`ReferralRequested`, `ReferralRedirected`): `route(inputs, recorded snapshot, grid, policy)`:
 *   applied rule, fired rules, every outcome field, and the facilities consulted;
 * - manual override (`ResidentTierOverridden`): checked, not re-run (it evaluates no rule);
 * - skipped referral trigger (`ReferralTriggerSkipped`): not re-runnable (its inputs are not recorded).
 *
 * A rule set the library does not know is a difference; so is an event its contract refuses.
 */
export function rerunDecision(event: AuditedEvent, library: RuleSetLibrary): DecisionCheck {
  const kind = decisionKindOf(event);
  if (!kind) throw new Error(`${event.type} is not a decision`);
  let decision: ParsedDecision;
  try {
    decision = parseDecision(event, kind);
  } catch (error) {
    return unreadable(event, kind, error);
  }
  const ruleSet = citedRuleSet(decision);
  const base = { kind, eventType: event.type, eventId: event.id, decisionId: decisionIdOf(decision), streamId: event.streamId, position: event.position, ruleSet };
  const lookup = library.find(RULE_SET_KIND[kind], ruleSet);
  if (!lookup.found) {
    const differences = [{ field: 'ruleSet', recorded: ruleSet, rerun: lookup.known ? `${lookup.reason}: ${lookup.known.id} ${lookup.known.version}` : lookup.reason }];
    return { ...base, status: 'different', identical: false, differences };
  }
  let verdict: Verdict;
  try {
    verdict = verdictFor(decision, lookup.entry, event);
  } catch (error) {
    verdict = { status: 'different', differences: [{ field: 'rerun', recorded: 'a decision', rerun: `failed: ${messageOf(error)}` }] };
  }
  const identical = verdict.status === 'identical' || verdict.status === 'checked';
  return { ...base, status: verdict.status, identical, differences: verdict.differences, ...(verdict.note ? { note: verdict.note } : {}) };
}

// ---------------------------------------------------------------------------------------------
// What if: the same decision under another rule set version.

/** Which rule set kind a decision of this event type is decided by (for picking decisions a what-if applies to). */
export const ruleSetKindOfDecision = (kind: DecisionKind): RuleSetKind => RULE_SET_KIND[kind];

/**
 * Re-runs a recorded decision under another rule set (of the same kind) and lists what would
 * change against the recorded outcome and fired rules. Pure: nothing is written. A routing
 * decision is re-run on the facilities it recorded having consulted; a policy whose rules
 * search elsewhere sees only those (said in `note`).
 */
export function whatIf(event: AuditedEvent, alternative: RuleSetEntry): WhatIfResult {
  const kind = decisionKindOf(event);
  if (!kind) throw new Error(`${event.type} is not a decision`);
  const decision = parseDecision(event, kind);
  const base = {
    kind,
    eventType: event.type,
    eventId: event.id,
    decisionId: decisionIdOf(decision),
    streamId: event.streamId,
    position: event.position,
    recordedRuleSet: citedRuleSet(decision),
    alternativeRuleSet: alternative.ref,
  };
  const notApplicable = (note: string): WhatIfResult => ({ ...base, applicable: false, changed: false, differences: [], note });
  if (alternative.kind !== RULE_SET_KIND[kind]) return notApplicable(`a ${kind} decision uses a ${RULE_SET_KIND[kind]} rule set, not a ${alternative.kind} one`);
  const differences: Difference[] = [];
  let note: string | undefined;
  switch (decision.kind) {
    case 'triage': {
      if (alternative.kind !== 'triage') break;
      const rerun = triage(decision.data.inputs, alternative.ruleSet.document);
      compareValue('tier', decision.data.tier, rerun.tier, differences);
      compareFiredRules(decision.data, rerun, differences);
      break;
    }
    case 'antiviral-eligibility': {
      if (alternative.kind !== 'antiviral-eligibility') break;
      const rerun = assessAntiviralEligibility(decision.data.inputs, alternative.ruleSet.document);
      compareValue('outcome', decision.data.outcome, rerun.outcome, differences);
      compareFiredRules(decision.data, rerun, differences);
      break;
    }
    case 'routing': {
      if (alternative.kind !== 'routing-policy') break;
      compareRoute(decision.data, rerunRoute(decision.data, alternative), differences, false);
      note = 'routing is re-run on the facilities the decision consulted (its recorded capacity snapshot), not the whole city';
      break;
    }
    case 'tier-override':
      return notApplicable('a manual override evaluates no rule');
    case 'referral-trigger-skip':
      return notApplicable('not re-runnable: the skip was decided on read-model state the event does not record');
  }
  return { ...base, applicable: true, changed: differences.length > 0, differences, ...(note ? { note } : {}) };
}
