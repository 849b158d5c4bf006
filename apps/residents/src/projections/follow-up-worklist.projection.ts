import { ReadModel } from '@gridcare/projections';
import { WORKLIST_EVENT_TYPES, worklistPatches } from './follow-up-worklist-patches';
import { APPLY_WORKLIST_PATCHES } from './follow-up-worklist.sql';

/**
 * The follow-up worklist (follow_up_worklist): one row per resident with the pending follow-up,
 * the tier, where they live and the worker they are assigned to. A batch is folded into one
 * patch per resident and written in one set-based statement, so a census keeps up.
 */
export const followUpWorklistProjection: ReadModel = {
  name: 'follow-up-worklist',
  tables: ['follow_up_worklist'],
  eventTypes: WORKLIST_EVENT_TYPES,

  async apply(events, tx) {
    const patches = worklistPatches(events);
    if (patches.length === 0) return;
    const column = <T>(of: (patch: (typeof patches)[number]) => T) => patches.map(of);
    await tx.query(APPLY_WORKLIST_PATCHES, [
      column((p) => p.residentId),
      column((p) => p.fullName ?? null),
      column((p) => p.place?.jurisdiction.districtId ?? null),
      column((p) => p.place?.jurisdiction.streetId ?? null),
      column((p) => p.place?.jurisdiction.communityId ?? null),
      column((p) => p.place?.gridId ?? null),
      column((p) => p.tier ?? null),
      column((p) => p.workerId !== undefined),
      column((p) => p.workerId ?? null),
      column((p) => p.followUp !== undefined),
      column((p) => p.followUp?.number ?? null),
      column((p) => p.followUp?.dueOn ?? null),
      column((p) => (p.followUp ? p.followUp.purposes.join(',') : null)),
      column((p) => p.escalated ?? null),
      column((p) => p.referralAssistance ?? null),
      column((p) => p.lastOutcome?.outcome ?? null),
      column((p) => p.lastOutcome?.completedOn ?? null),
      column((p) => p.updatedAt),
    ]);
  },
};
