/**
 * An event of the log as the audit reads it: what any event store adapter gives, with the global
 * position already formatted (`commit/prepare`), so this library needs no event store.
 */
export interface AuditedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly position: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata?: { readonly actor?: { readonly id: string; readonly role: string } };
}

/** The kinds of decision the log records, each with the rule set (or policy) it cites. */
export const DECISION_KINDS = ['triage', 'tier-override', 'antiviral-eligibility', 'routing', 'referral-trigger-skip'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Which event type records which kind of decision. */
export const DECISION_EVENT_KINDS: Readonly<Record<string, DecisionKind>> = {
  ResidentTriaged: 'triage',
  ResidentTierOverridden: 'tier-override',
  AntiviralEligibilityAssessed: 'antiviral-eligibility',
  ReferralRequested: 'routing',
  ReferralRedirected: 'routing',
  ReferralTriggerSkipped: 'referral-trigger-skip',
};
export const DECISION_EVENT_TYPES: readonly string[] = Object.keys(DECISION_EVENT_KINDS);

/** The events that publish a rule set document into the log. */
export const RULE_SET_PUBLICATION_TYPES: readonly string[] = ['TriageRuleSetPublished', 'RoutingPolicyPublished'];

export const decisionKindOf = (event: Pick<AuditedEvent, 'type'>): DecisionKind | undefined => DECISION_EVENT_KINDS[event.type];
