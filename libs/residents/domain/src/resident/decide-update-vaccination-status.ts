import { ResidentVaccinationStatusUpdated } from '@gridcare/residents-contracts';
import { UpdateVaccinationStatus } from './resident-commands';
import { refuse } from './resident-errors';
import { ResidentEvent, residentEvent } from './resident-events';
import { ResidentState } from './resident-state';
import { withTriage } from './triage-decision';

export function decideUpdateVaccinationStatus(command: UpdateVaccinationStatus, state: ResidentState): ResidentEvent[] {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  // Subscriptions deliver at least once: the same vaccination event must not count twice.
  if (state.handledSourceEventIds.has(command.sourceEventId)) return [];
  const { dosesReceived, boostersReceived, lastDoseOn, sourceEventId } = command;
  const updated = residentEvent(ResidentVaccinationStatusUpdated, { residentId: state.residentId, dosesReceived, boostersReceived, lastDoseOn, sourceEventId });
  return withTriage(state, updated, command, { kind: 'vaccination-status', sourceEventId });
}
