import { EventStore } from '@gridcare/event-store';
import {
  AuditedEvent,
  DECISION_EVENT_TYPES,
  DecisionCheck,
  decisionKindOf,
  DecisionTally,
  LibraryIssue,
  rerunDecision,
  RULE_SET_PUBLICATION_TYPES,
  RuleSetEntry,
  RuleSetLibrary,
  ruleSetKindOfDecision,
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

/** The decisions and the rule set publications, read together in one pass. */
const DECISIONS_AND_PUBLICATIONS: readonly string[] = [...DECISION_EVENT_TYPES, ...RULE_SET_PUBLICATION_TYPES];

/**
 * At most this many decisions citing a rule set not (yet) known are held to be re-checked once
 * the whole log has been read; past that, they are counted as read (see verifyDecisions).
 */
export const DEFERRED_DECISIONS_HELD = 10_000;

/** Did the check fail only because the library does not know the rule set the decision cites? */
function citesUnknownRuleSet(check: DecisionCheck, library: RuleSetLibrary): boolean {
  if (check.status !== 'different' || !check.ruleSet) return false;
  const lookup = library.find(ruleSetKindOfDecision(check.kind), check.ruleSet);
  return !lookup.found && lookup.reason === 'rule set not found';
}

/**
 * Re-runs every decision in the log with the rule set it cites, the library holding the built-in
 * versions and every version published anywhere in the log.
 *
 * One pass over the log reads the decisions and the publications together, in log order, page by
 * page (nothing but the tally is kept). A decision is checked against the library as it stands
 * when the decision is read; only a decision citing a rule set not known yet can come out
 * differently once the whole log is read (a version published later in the log, or in a stream
 * read later): such decisions are held and re-checked at the end, and listed in their log order.
 * Should more than DEFERRED_DECISIONS_HELD of them come, the rest are counted as read, and only
 * if a version was published after the first of those is the log read a second time (the
 * decisions only, with the complete library), as it was before.
 */
export async function verifyDecisions(store: EventStore, options: { pageSize?: number; differencesListed?: number } = {}): Promise<VerifyReport> {
  const started = performance.now();
  const library = RuleSetLibrary.builtIn();
  let tally = new DecisionTally(options.differencesListed ?? 10);
  const deferred: { event: AuditedEvent; order: number }[] = [];
  let order = 0;
  /** The first decision counted with its rule set unknown (none held), and the last publication that added a version. */
  let firstCountedUnknown: number | undefined;
  let lastNewVersion = -1;
  for await (const page of readLog(store, { eventTypes: DECISIONS_AND_PUBLICATIONS }, options.pageSize)) {
    for (const event of page) {
      order++;
      if (!decisionKindOf(event)) {
        const known = library.entries().length;
        library.addPublication(event);
        if (library.entries().length > known) lastNewVersion = order;
        continue;
      }
      const check = rerunDecision(event, library);
      if (citesUnknownRuleSet(check, library)) {
        if (deferred.length < DEFERRED_DECISIONS_HELD) {
          deferred.push({ event, order });
          continue;
        }
        firstCountedUnknown ??= order;
      }
      tally.add(check, order);
    }
  }
  if (firstCountedUnknown !== undefined && lastNewVersion > firstCountedUnknown) {
    // Decisions counted as unknown may cite a version published after them: count every decision again.
    tally = new DecisionTally(options.differencesListed ?? 10);
    for await (const page of readLog(store, { eventTypes: DECISION_EVENT_TYPES }, options.pageSize)) for (const event of page) tally.add(rerunDecision(event, library));
  } else {
    for (const held of deferred) tally.add(rerunDecision(held.event, library), held.order);
  }
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
