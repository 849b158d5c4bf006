import { Decider } from '@gridcare/decider';
import { ResidentAssignmentCommand } from './assignment-commands';
import { ResidentAssignmentEvent } from './assignment-events';
import { decideAssignResident } from './decide-assign-resident';
import { evolveResidentAssignment, initialResidentAssignmentState, ResidentAssignmentState } from './resident-assignment-state';

/**
 * Which community worker a resident is with (residentAssignmentStream). Its own stream, so a
 * bulk reassignment never races with the resident's care in their own stream.
 */
export const residentAssignmentDecider: Decider<ResidentAssignmentCommand, ResidentAssignmentState, ResidentAssignmentEvent> = {
  initialState: initialResidentAssignmentState,
  evolve: evolveResidentAssignment,
  decide: (command, state) => {
    switch (command.type) {
      case 'AssignResidentToWorker':
        return decideAssignResident(command, state);
    }
  },
};
