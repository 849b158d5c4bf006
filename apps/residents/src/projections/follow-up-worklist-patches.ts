import { RecordedEvent } from '@gridcare/event-store';
import type {
  FollowUpCompletedData,
  FollowUpScheduledData,
  Placement,
  ResidentAssignedToWorkerData,
  ResidentCorrectedData,
  ResidentMovedData,
  ResidentRegisteredData,
} from '@gridcare/residents-contracts';
import { dataOf, TierDecisionData } from './registry-events';

/** What the worklist reads: the residents' own streams and their assignment streams. */
export const WORKLIST_EVENT_TYPES = [
  'ResidentRegistered',
  'ResidentCorrected',
  'ResidentMoved',
  'ResidentTriaged',
  'ResidentTierOverridden',
  'ResidentAssignedToWorker',
  'FollowUpScheduled',
  'FollowUpCompleted',
  'FollowUpEscalated',
  'FollowUpsEnded',
  'ReferralAssistanceRequested',
  'HomeTreatmentEnded',
] as const;

export interface PendingFollowUpPatch {
  readonly number: number;
  readonly dueOn: string;
  readonly purposes: readonly string[];
}

/**
 * What a batch changes in one resident's worklist row. `undefined`: left as it is; for the
 * worker and the pending follow-up, `null` clears them.
 */
export interface WorklistPatch {
  readonly residentId: string;
  fullName?: string;
  place?: Placement;
  tier?: string;
  workerId?: string | null;
  followUp?: PendingFollowUpPatch | null;
  escalated?: boolean;
  referralAssistance?: boolean;
  lastOutcome?: { readonly outcome: string; readonly completedOn: string };
  updatedAt: Date;
}

/** Folds a batch, in log order, into one patch per resident, so a batch is one statement. */
export function worklistPatches(events: readonly RecordedEvent[]): WorklistPatch[] {
  const patches = new Map<string, WorklistPatch>();
  for (const event of events) {
    const { residentId } = dataOf<{ residentId: string }>(event);
    let patch = patches.get(residentId);
    if (!patch) patches.set(residentId, (patch = { residentId, updatedAt: event.recordedAt }));
    patch.updatedAt = event.recordedAt;
    applyEvent(patch, event);
  }
  return [...patches.values()];
}

function applyEvent(patch: WorklistPatch, event: RecordedEvent): void {
  switch (event.type) {
    case 'ResidentRegistered': {
      const data = dataOf<ResidentRegisteredData>(event);
      patch.fullName = data.fullName;
      patch.place = { jurisdiction: data.jurisdiction, gridId: data.gridId };
      return;
    }
    case 'ResidentCorrected': {
      const { fullName } = dataOf<ResidentCorrectedData>(event).changes;
      if (fullName !== undefined) patch.fullName = fullName;
      return;
    }
    case 'ResidentMoved':
      patch.place = dataOf<ResidentMovedData>(event).to;
      return;
    case 'ResidentTriaged':
    case 'ResidentTierOverridden':
      patch.tier = dataOf<TierDecisionData>(event).tier;
      return;
    case 'ResidentAssignedToWorker':
      patch.workerId = dataOf<ResidentAssignedToWorkerData>(event).workerId;
      return;
    case 'FollowUpScheduled': {
      const data = dataOf<FollowUpScheduledData>(event);
      patch.followUp = { number: data.followUpNumber, dueOn: data.dueOn, purposes: data.purposes };
      return;
    }
    case 'FollowUpCompleted': {
      const { outcome, completedOn } = dataOf<FollowUpCompletedData>(event);
      // Only the pending follow-up can be completed; the schedule books the next one.
      patch.followUp = null;
      patch.lastOutcome = { outcome, completedOn };
      if (outcome !== 'not-reached') patch.escalated = false;
      if (outcome === 'stable' || outcome === 'better') patch.referralAssistance = false;
      return;
    }
    case 'FollowUpEscalated':
      patch.escalated = true;
      return;
    case 'ReferralAssistanceRequested':
      patch.referralAssistance = true;
      return;
    case 'FollowUpsEnded':
      patch.followUp = null;
      patch.escalated = false;
      patch.referralAssistance = false;
      return;
    case 'HomeTreatmentEnded':
      patch.referralAssistance = false;
      return;
  }
}
