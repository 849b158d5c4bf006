import { Decider } from '@gridcare/decider';
import { decideHandOutFingerOximeter, decideRecordFingerOximeterReturned } from './decide-finger-oximeter';
import { decideHandOutHealthKits } from './decide-hand-out-health-kits';
import { decideIssueContactServiceCard } from './decide-issue-contact-service-card';
import { evolveResidentSupplies, initialResidentSuppliesState, ResidentSuppliesState } from './resident-supplies-state';
import { ResidentSuppliesCommand } from './supplies-commands';
import { ResidentSuppliesEvent } from './supplies-events';

/**
 * What a resident was handed (residentSuppliesStream): a contact service card, health kits, a
 * finger oximeter. Its own stream, so handing out never races with triage on the resident's.
 */
export const residentSuppliesDecider: Decider<ResidentSuppliesCommand, ResidentSuppliesState, ResidentSuppliesEvent> = {
  initialState: initialResidentSuppliesState,
  evolve: evolveResidentSupplies,
  decide: (command, state) => {
    switch (command.type) {
      case 'IssueContactServiceCard':
        return decideIssueContactServiceCard(command, state);
      case 'HandOutHealthKits':
        return decideHandOutHealthKits(command);
      case 'HandOutFingerOximeter':
        return decideHandOutFingerOximeter(command, state);
      case 'RecordFingerOximeterReturned':
        return decideRecordFingerOximeterReturned(command, state);
    }
  },
};
