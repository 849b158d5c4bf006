import { Decider } from '@gridcare/decider';
import { decideAssessAntiviralEligibility } from '../antiviral/decide-antiviral-eligibility';
import { decideEndHomeTreatment, decideFillOxygen, decideGiveAntiviral, decideRecordSpo2Reading, decideRecordSymptoms, decideReportInfection } from '../care/decide-episode';
import { decideCompleteFollowUp, decideRaiseFollowUpFrequency } from '../care/decide-follow-up';
import { followUpScheduleChanges } from '../care/schedule-follow-ups';
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

/**
 * One resident's case: registry facts, every triage decision, infection episodes and the
 * follow-up schedule, which moves with whatever a command changed.
 */
export const residentDecider: Decider<ResidentCommand, ResidentState, ResidentEvent> = {
  initialState: initialResidentState,
  evolve: evolveResident,
  decide: (command, state) => {
    const events = decideCommand(command, state);
    if (events.length === 0 || command.asOf === undefined) return events;
    return [...events, ...followUpScheduleChanges(state, events, command.asOf)];
  },
};

function decideCommand(command: ResidentCommand, state: ResidentState): ResidentEvent[] {
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
      case 'ReportInfection':
        return decideReportInfection(command, state);
      case 'AssessAntiviralEligibility':
        return decideAssessAntiviralEligibility(command, state);
      case 'RecordSymptoms':
        return decideRecordSymptoms(command, state);
      case 'RecordSpo2Reading':
        return decideRecordSpo2Reading(command, state);
      case 'GiveAntiviral':
        return decideGiveAntiviral(command, state);
      case 'FillOxygen':
        return decideFillOxygen(command, state);
      case 'EndHomeTreatment':
        return decideEndHomeTreatment(command, state);
      case 'CompleteFollowUp':
        return decideCompleteFollowUp(command, state);
      case 'RaiseFollowUpFrequency':
        return decideRaiseFollowUpFrequency(command, state);
    }
}
