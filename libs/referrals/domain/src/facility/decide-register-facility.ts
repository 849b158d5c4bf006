import { FacilityRegistered } from '@gridcare/referrals-contracts';
import { canonicalJson } from '@gridcare/rule-language';
import { contractEvent } from '@gridcare/decider';
import { RegisterFacility } from './facility-commands';
import { refuseFacility } from './facility-errors';
import { FacilityEvent } from './facility-events';
import { FacilityState } from './facility-state';

export function decideRegisterFacility(command: RegisterFacility, state: FacilityState): FacilityEvent[] {
  const { type: _type, ...data } = command;
  const event = contractEvent(FacilityRegistered, data);
  if (state.status === 'unregistered') return [event];
  if (canonicalJson(state.registration) === canonicalJson(event.data)) return [];
  throw refuseFacility('FACILITY_ALREADY_REGISTERED', `facility ${command.facilityId} is already registered with other details`, { facilityId: command.facilityId });
}
