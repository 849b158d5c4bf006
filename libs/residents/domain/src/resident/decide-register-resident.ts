import { ResidentRegistered } from '@gridcare/residents-contracts';
import { RegisterResident } from './resident-commands';
import { refuse } from './resident-errors';
import { ResidentEvent, residentEvent } from './resident-events';
import { ResidentState } from './resident-state';
import { checkResidentFacts } from './check-resident-facts';
import { withTriage } from './triage-decision';

export function decideRegisterResident(command: RegisterResident, state: ResidentState): ResidentEvent[] {
  if (state.status === 'registered') throw refuse('RESIDENT_ALREADY_REGISTERED', 'the resident is already registered', { residentId: state.residentId });
  const { type: _type, decisionId: _decisionId, asOf, ruleSet: _ruleSet, ...data } = command;
  checkResidentFacts(data.nationalId, data, asOf);
  const registered = residentEvent(ResidentRegistered, data);
  return withTriage(state, registered, command, { kind: 'registration', sourceEventId: null });
}
