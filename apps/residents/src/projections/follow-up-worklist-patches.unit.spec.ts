import { RecordedEvent } from '@gridcare/event-store';
import { worklistPatches } from './follow-up-worklist-patches';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
let sequence = 0;

function recorded(type: string, data: Record<string, unknown>): RecordedEvent {
  sequence++;
  return {
    id: `e${sequence}`,
    streamId: `resident-${String(data.residentId)}`,
    revision: sequence,
    position: { commit: BigInt(sequence), prepare: BigInt(sequence) },
    type,
    schemaVersion: 1,
    data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'admin-1', role: 'administrator' } },
    recordedAt: new Date(Date.UTC(2026, 0, 15, 1, 0, sequence)),
  };
}

const jurisdiction = { districtId: 'd05', streetId: 'd05-s003', communityId: 'd05-s003-c012' };
const registered = (residentId: string) => recorded('ResidentRegistered', { residentId, fullName: 'Wang Guifang', jurisdiction, gridId: 'g12' });
const scheduled = (residentId: string, followUpNumber: number, dueOn: string) =>
  recorded('FollowUpScheduled', { residentId, followUpNumber, dueOn, purposes: ['health-check', 'greeting'] });
const completed = (residentId: string, followUpNumber: number, outcome: string) =>
  recorded('FollowUpCompleted', { residentId, followUpNumber, outcome, completedOn: '2026-01-15' });

describe('worklistPatches', () => {
  it('folds a batch into one patch per resident, the last event of each kind winning', () => {
    const events = [
      registered(A),
      recorded('ResidentTriaged', { residentId: A, tier: 'yellow' }),
      registered(B),
      scheduled(A, 1, '2026-01-15'),
      recorded('ResidentAssignedToWorker', { residentId: A, workerId: 'chen-yawen' }),
      recorded('ResidentCorrected', { residentId: A, changes: { fullName: 'Wang Guifen' } }),
      recorded('ResidentTierOverridden', { residentId: A, tier: 'red' }),
      recorded('ResidentMoved', { residentId: B, to: { jurisdiction: { ...jurisdiction, communityId: 'd05-s003-c013' }, gridId: 'g13' } }),
    ];
    const [a, b] = worklistPatches(events);
    expect(a).toEqual({
      residentId: A,
      fullName: 'Wang Guifen',
      place: { jurisdiction, gridId: 'g12' },
      tier: 'red',
      workerId: 'chen-yawen',
      followUp: { number: 1, dueOn: '2026-01-15', purposes: ['health-check', 'greeting'] },
      updatedAt: events[6].recordedAt,
    });
    expect(b).toMatchObject({ residentId: B, place: { jurisdiction: { communityId: 'd05-s003-c013' }, gridId: 'g13' } });
  });

  it('a completed follow-up clears the pending one until the next is booked, and records the outcome', () => {
    expect(worklistPatches([completed(A, 1, 'stable')])).toEqual([
      expect.objectContaining({ followUp: null, lastOutcome: { outcome: 'stable', completedOn: '2026-01-15' }, escalated: false, referralAssistance: false }),
    ]);
    expect(worklistPatches([completed(A, 1, 'stable'), scheduled(A, 2, '2026-01-18')])[0].followUp).toEqual({
      number: 2,
      dueOn: '2026-01-18',
      purposes: ['health-check', 'greeting'],
    });
  });

  it('escalates until a follow-up reaches the resident', () => {
    const escalated = recorded('FollowUpEscalated', { residentId: A });
    expect(worklistPatches([completed(A, 2, 'not-reached'), escalated])[0].escalated).toBe(true);
    expect(worklistPatches([escalated, completed(A, 3, 'not-reached')])[0].escalated).toBe(true);
    expect(worklistPatches([escalated, completed(A, 3, 'worse')])[0].escalated).toBe(false);
  });

  it('keeps referral assistance until the resident is found stable or better, or the episode ends', () => {
    const requested = recorded('ReferralAssistanceRequested', { residentId: A });
    expect(worklistPatches([completed(A, 1, 'needs-referral'), requested])[0].referralAssistance).toBe(true);
    expect(worklistPatches([requested, completed(A, 2, 'worse')])[0].referralAssistance).toBe(true);
    expect(worklistPatches([requested, completed(A, 2, 'better')])[0].referralAssistance).toBe(false);
    expect(worklistPatches([requested, recorded('HomeTreatmentEnded', { residentId: A })])[0].referralAssistance).toBe(false);
  });

  it('ends follow-ups: nothing pending, no escalation, no referral assistance', () => {
    expect(worklistPatches([scheduled(A, 1, '2026-01-15'), recorded('FollowUpsEnded', { residentId: A })])[0]).toMatchObject({
      followUp: null,
      escalated: false,
      referralAssistance: false,
    });
  });

  it('leaves out what a batch does not touch', () => {
    const [patch] = worklistPatches([recorded('ResidentAssignedToWorker', { residentId: A, workerId: 'li-ming' })]);
    expect(Object.keys(patch).sort()).toEqual(['residentId', 'updatedAt', 'workerId']);
  });
});
