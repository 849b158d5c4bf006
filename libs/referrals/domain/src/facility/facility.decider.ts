import { Decider } from '@gridcare/decider';
import { decideHoldBed, decideReleaseBed } from './decide-beds';
import { decideChangeCapacity } from './decide-change-capacity';
import { decideRegisterFacility } from './decide-register-facility';
import { FacilityCommand } from './facility-commands';
import { FacilityEvent } from './facility-events';
import { evolveFacility, FacilityState, initialFacilityState } from './facility-state';

/** A facility's stream (facilityStream): its registration, capacity reports and the ICU beds held for referrals. */
export const facilityDecider: Decider<FacilityCommand, FacilityState, FacilityEvent> = {
  initialState: initialFacilityState,
  evolve: evolveFacility,
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterFacility':
        return decideRegisterFacility(command, state);
      case 'ChangeFacilityCapacity':
        return decideChangeCapacity(command, state);
      case 'HoldBed':
        return decideHoldBed(command, state);
      case 'ReleaseBed':
        return decideReleaseBed(command, state);
    }
  },
};
