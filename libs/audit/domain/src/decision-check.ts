import { RuleSetRef } from '@gridcare/rule-language';
import { DecisionKind } from './audited-event';

/** One way a re-run disagrees with what the decision recorded. */
export interface Difference {
  /** What differs: `tier`, `firedRules`, `outcome.facilityId`, `ruleSet`, ... */
  readonly field: string;
  readonly recorded: unknown;
  readonly rerun: unknown;
}

/**
 * - `identical`: re-run on the recorded inputs with the rule set cited, same outcome and fired rules;
 * - `different`: something differs (or the rule set cited is not known, or the event is unreadable);
 * - `checked`: not a rule evaluation (a manual override): its rule set and the role it allowed were checked;
 * - `not-rerunnable`: the decision does not record what re-running it would need (`note` says what).
 */
export type CheckStatus = 'identical' | 'different' | 'checked' | 'not-rerunnable';

export interface DecisionCheck {
  readonly kind: DecisionKind;
  readonly eventType: string;
  readonly eventId: string;
  readonly decisionId: string | null;
  readonly streamId: string;
  readonly position: string;
  /** The rule set (or policy) the decision cites; null when the event could not be read. */
  readonly ruleSet: RuleSetRef | null;
  readonly status: CheckStatus;
  /** True when the decision was re-run (or checked) and nothing differs. */
  readonly identical: boolean;
  readonly differences: readonly Difference[];
  readonly note?: string;
}

/** What a past decision would have been under another rule set version: nothing is written. */
export interface WhatIfResult {
  readonly kind: DecisionKind;
  readonly eventType: string;
  readonly eventId: string;
  readonly decisionId: string | null;
  readonly streamId: string;
  readonly position: string;
  readonly recordedRuleSet: RuleSetRef | null;
  readonly alternativeRuleSet: RuleSetRef;
  /** False when the alternative is not of the kind the decision uses, or the decision cannot be re-run. */
  readonly applicable: boolean;
  /** True when the outcome or the fired rules would differ from those recorded. */
  readonly changed: boolean;
  /** Recorded (under the cited rule set) against what the alternative gives. */
  readonly differences: readonly Difference[];
  readonly note?: string;
}
