import { ResidentMoved } from '@gridcare/residents-contracts';
import { canonicalJson } from '../triage';
import { MoveResident } from './resident-commands';
import { isBlank, refuse } from './resident-errors';
import { ResidentEvent, residentEvent } from './resident-events';
import { ResidentState } from './resident-state';
import { withTriage } from './triage-decision';

/**
 * A move changes who serves the resident, not a triage input. It is triaged anyway, so the new
 * community's workers start from a decision made on today's date (ages move on).
 */
export function decideMoveResident(command: MoveResident, state: ResidentState): ResidentEvent[] {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  if (isBlank(command.reason)) throw refuse('REASON_REQUIRED', 'a move needs a reason');
  if (canonicalJson(command.to) === canonicalJson(state.placement)) throw refuse('NO_CHANGE', 'the resident already lives there');
  const moved = residentEvent(ResidentMoved, { residentId: state.residentId, from: state.placement, to: command.to, reason: command.reason });
  return withTriage(state, moved, command, { kind: 'moved', sourceEventId: null });
}
