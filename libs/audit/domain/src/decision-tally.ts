import { DECISION_KINDS, DecisionKind } from './audited-event';
import { DecisionCheck } from './decision-check';

export interface KindCounts {
  checked: number;
  identical: number;
  different: number;
  /** Manual decisions: checked against their rule set, not re-run. */
  checkedNotRerun: number;
  notRerunnable: number;
}

/** A difference as a summary lists it: where, what, recorded against re-run. */
export interface ListedDifference {
  readonly kind: DecisionKind;
  readonly eventType: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly position: string;
  readonly field: string;
  readonly recorded: unknown;
  readonly rerun: unknown;
}

const emptyCounts = (): KindCounts => ({ checked: 0, identical: 0, different: 0, checkedNotRerun: 0, notRerunnable: 0 });

/** Counts the checks of a verification run, per kind and in total, and keeps the first differences. */
export class DecisionTally {
  readonly byKind = new Map<DecisionKind, KindCounts>(DECISION_KINDS.map((kind) => [kind, emptyCounts()]));
  readonly total: KindCounts = emptyCounts();
  readonly firstDifferences: ListedDifference[] = [];
  /** Why some decisions could not be re-run, per kind (the first note of each). */
  readonly notRerunnableReasons = new Map<DecisionKind, string>();

  constructor(private readonly differencesKept = 10) {}

  add(check: DecisionCheck): void {
    for (const counts of [this.byKind.get(check.kind) as KindCounts, this.total]) {
      counts.checked++;
      if (check.status === 'identical') counts.identical++;
      else if (check.status === 'checked') counts.checkedNotRerun++;
      else if (check.status === 'not-rerunnable') counts.notRerunnable++;
      else counts.different++;
    }
    if (check.status === 'not-rerunnable' && check.note && !this.notRerunnableReasons.has(check.kind)) this.notRerunnableReasons.set(check.kind, check.note);
    for (const difference of check.differences) {
      if (this.firstDifferences.length >= this.differencesKept) break;
      const { kind, eventType, eventId, streamId, position } = check;
      this.firstDifferences.push({ kind, eventType, eventId, streamId, position, ...difference });
    }
  }

  get anyDifferent(): boolean {
    return this.total.different > 0;
  }
}
