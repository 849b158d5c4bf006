import { Decider } from '@gridcare/decider';
import { decideCorrectResident } from './decide-correct-resident';
import { decideMoveResident } from './decide-move-resident';
import { decideOverrideTier } from './decide-override-tier';
import { decideRegisterResident } from './decide-register-resident';
import { decideRequestRetriage } from './decide-request-retriage';
import { decideUpdateVaccinationStatus } from './decide-update-vaccination-status';
import { evolveResident } from './evolve-resident';
import { ResidentCommand } from './resident-commands';
import { ResidentEvent } from './resident-events';
import { initialResidentState, ResidentState } from './resident-state';

/** One resident's stream: its registry facts and every triage decision about it. */
export const residentDecider: Decider<ResidentCommand, ResidentState, ResidentEvent> = {
  initialState: initialResidentState,
  evolve: evolveResident,
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterResident':
        return decideRegisterResident(command, state);
      case 'CorrectResident':
        return decideCorrectResident(command, state);
      case 'MoveResident':
        return decideMoveResident(command, state);
      case 'UpdateVaccinationStatus':
        return decideUpdateVaccinationStatus(command, state);
      case 'RequestRetriage':
        return decideRequestRetriage(command, state);
      case 'OverrideTier':
        return decideOverrideTier(command, state);
    }
  },
};
