import { EventStore } from '@gridcare/event-store';
import {
  AuditedEvent,
  DECISION_EVENT_TYPES,
  DecisionTally,
  LibraryIssue,
  rerunDecision,
  RULE_SET_PUBLICATION_TYPES,
  RuleSetEntry,
  RuleSetLibrary,
  whatIf,
  WhatIfResult,
} from '@gridcare/audit-domain';
import { readLog } from './read-log';

export interface VerifyReport {
  readonly tally: DecisionTally;
  readonly libraryIssues: readonly LibraryIssue[];
  readonly ruleSets: readonly RuleSetEntry[];
  readonly elapsedMs: number;
  readonly decisionsPerSecond: number;
}

/** The rule set library of the log: its publications and the versions shipped in the domain libraries. */
export async function ruleSetLibraryOf(store: EventStore, pageSize?: number): Promise<RuleSetLibrary> {
  const library = RuleSetLibrary.builtIn();
  for await (const page of readLog(store, { eventTypes: RULE_SET_PUBLICATION_TYPES }, pageSize)) for (const event of page) library.addPublication(event);
  return library;
}

/**
 * Re-runs every decision in the log with the rule set it cites. Two passes over the log: the
 * rule set publications first (so a decision finds its rule set wherever it was published),
 * then the decisions, page by page (nothing but the tally is kept).
 */
export async function verifyDecisions(store: EventStore, options: { pageSize?: number; differencesListed?: number } = {}): Promise<VerifyReport> {
  const started = performance.now();
  const library = await ruleSetLibraryOf(store, options.pageSize);
  const tally = new DecisionTally(options.differencesListed ?? 10);
  for await (const page of readLog(store, { eventTypes: DECISION_EVENT_TYPES }, options.pageSize)) for (const event of page) tally.add(rerunDecision(event, library));
  const elapsedMs = performance.now() - started;
  return {
    tally,
    libraryIssues: library.issues,
    ruleSets: library.entries(),
    elapsedMs,
    decisionsPerSecond: elapsedMs > 0 ? (tally.total.checked * 1000) / elapsedMs : 0,
  };
}

export interface WhatIfSelection {
  /** An event id or a decision id. */
  readonly decision?: string;
  readonly residentId?: string;
}

const idsOf = (event: AuditedEvent): { decisionId?: string; residentId?: string; referralId?: string } => {
  const data = event.data as { decisionId?: string; residentId?: string; referralId?: string; decision?: { decisionId?: string } };
  return { decisionId: data.decisionId ?? data.decision?.decisionId, residentId: data.residentId, referralId: data.referralId };
};

/**
 * Re-runs the selected past decisions of the kind the alternative rule set decides under it,
 * and reports what would change. Reads only: nothing is written.
 */
export async function whatIfDecisions(store: EventStore, alternative: RuleSetEntry, selection: WhatIfSelection = {}, pageSize?: number): Promise<WhatIfResult[]> {
  const results: WhatIfResult[] = [];
  // A redirect does not name the resident: its referral's request does, earlier in the log.
  const residentOfReferral = new Map<string, string>();
  for await (const page of readLog(store, { eventTypes: DECISION_EVENT_TYPES }, pageSize)) {
    for (const event of page) {
      const ids = idsOf(event);
      if (event.type === 'ReferralRequested' && ids.referralId && ids.residentId) residentOfReferral.set(ids.referralId, ids.residentId);
      const residentId = ids.residentId ?? (ids.referralId ? residentOfReferral.get(ids.referralId) : undefined);
      if (selection.decision && selection.decision !== event.id && selection.decision !== ids.decisionId) continue;
      if (selection.residentId && selection.residentId !== residentId) continue;
      const result = whatIf(event, alternative);
      // Without a selection, only the decisions the alternative applies to.
      if (result.applicable || selection.decision) results.push(result);
    }
  }
  return results;
}
