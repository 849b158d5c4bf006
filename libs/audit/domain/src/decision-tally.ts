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

/**
 * Counts the checks of a verification run, per kind and in total, and keeps the first differences.
 * Checks are listed in log order: a check added late (a decision re-checked once the whole log was
 * read) takes its place by the `order` given with it.
 */
export class DecisionTally {
  readonly byKind = new Map<DecisionKind, KindCounts>(DECISION_KINDS.map((kind) => [kind, emptyCounts()]));
  readonly total: KindCounts = emptyCounts();
  /** The first differences in log order (at most `differencesKept`). */
  readonly firstDifferences: ListedDifference[] = [];
  /** Why some decisions could not be re-run, per kind (the first note of each, in log order). */
  readonly notRerunnableReasons = new Map<DecisionKind, string>();
  /** The order of each listed difference, and of each kind's reason. */
  private readonly differenceOrders: number[] = [];
  private readonly reasonOrders = new Map<DecisionKind, number>();
  private lastOrder = -1;

  constructor(private readonly differencesKept = 10) {}

  /**
   * Counts a check. `order` is the decision's place in the log (any increasing numbering); by
   * default, after every check added so far.
   */
  add(check: DecisionCheck, order?: number): void {
    const at = order ?? this.lastOrder + 1;
    this.lastOrder = Math.max(this.lastOrder, at);
    for (const counts of [this.byKind.get(check.kind) as KindCounts, this.total]) {
      counts.checked++;
      if (check.status === 'identical') counts.identical++;
      else if (check.status === 'checked') counts.checkedNotRerun++;
      else if (check.status === 'not-rerunnable') counts.notRerunnable++;
      else counts.different++;
    }
    if (check.status === 'not-rerunnable' && check.note) this.keepReason(check.kind, check.note, at);
    if (!check.differences.length) return;
    // After the listed differences of the same order or earlier; those listed after it move down.
    let index = this.differenceOrders.length;
    while (index > 0 && this.differenceOrders[index - 1] > at) index--;
    for (const difference of check.differences) {
      if (index >= this.differencesKept) break;
      const { kind, eventType, eventId, streamId, position } = check;
      this.firstDifferences.splice(index, 0, { kind, eventType, eventId, streamId, position, ...difference });
      this.differenceOrders.splice(index, 0, at);
      index++;
    }
    if (this.firstDifferences.length > this.differencesKept) {
      this.firstDifferences.length = this.differencesKept;
      this.differenceOrders.length = this.differencesKept;
    }
  }

  private keepReason(kind: DecisionKind, note: string, at: number): void {
    const kept = this.reasonOrders.get(kind);
    if (kept !== undefined && kept <= at) return;
    this.reasonOrders.set(kind, at);
    this.notRerunnableReasons.set(kind, note);
    // The kinds in the order their first reasons come in the log (a late check may come first).
    const byOrder = [...this.notRerunnableReasons].sort(([a], [b]) => (this.reasonOrders.get(a) as number) - (this.reasonOrders.get(b) as number));
    this.notRerunnableReasons.clear();
    for (const [reasonKind, reason] of byOrder) this.notRerunnableReasons.set(reasonKind, reason);
  }

  get anyDifferent(): boolean {
    return this.total.different > 0;
  }
}
