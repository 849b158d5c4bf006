import { Reason, ResidentAssignedToWorker, WorkerId } from '@gridcare/residents-contracts';
import { residentEvent } from '../resident/resident-events';
import { AssignResidentToWorker } from './assignment-commands';
import { refuseAssignment } from './assignment-errors';
import { ResidentAssignmentEvent } from './assignment-events';
import { ResidentAssignmentState } from './resident-assignment-state';

/**
 * The worker id and the reason, as the contract takes them, or a refusal naming the field. A
 * bulk assignment checks them once, before deciding for each resident.
 */
export function checkAssignment(workerId: string, reason: string): { workerId: string; reason: string } {
  const checkedReason = Reason.safeParse(reason);
  if (!checkedReason.success) throw refuseAssignment('REASON_REQUIRED', `reason: ${checkedReason.error.issues[0]?.message ?? 'invalid'}`, { field: 'reason' });
  const checkedWorkerId = WorkerId.safeParse(workerId);
  if (!checkedWorkerId.success) {
    throw refuseAssignment('WORKER_ID_INVALID', `workerId: ${checkedWorkerId.error.issues[0]?.message ?? 'invalid'}`, { field: 'workerId' });
  }
  return { workerId: checkedWorkerId.data, reason: checkedReason.data };
}

export function decideAssignResident(command: AssignResidentToWorker, state: ResidentAssignmentState): ResidentAssignmentEvent[] {
  if (!command.registered) throw refuseAssignment('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  const { workerId, reason } = checkAssignment(command.workerId, command.reason);
  if (state.workerId === workerId) {
    throw refuseAssignment('WORKER_UNCHANGED', `the resident is already assigned to ${workerId}`, { workerId });
  }
  if (command.fromWorkerId !== undefined && state.workerId !== command.fromWorkerId) {
    throw refuseAssignment('WORKER_CHANGED', `the resident is now with ${state.workerId ?? 'no worker'}, no longer with ${command.fromWorkerId}`, {
      workerId: state.workerId,
      fromWorkerId: command.fromWorkerId,
    });
  }
  return [residentEvent(ResidentAssignedToWorker, { residentId: command.residentId, workerId, previousWorkerId: state.workerId, reason })];
}
