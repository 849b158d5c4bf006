import { AntiviralGiven, HomeTreatmentEnded, InfectionReported, OxygenFilled, Spo2Recorded, SymptomsRecorded } from '@gridcare/residents-contracts';
import { antiviralEligibilityDecision } from '../antiviral/decide-antiviral-eligibility';
import { evolveResident } from '../resident/evolve-resident';
import { refuse } from '../resident/resident-errors';
import { ResidentEvent, residentEvent } from '../resident/resident-events';
import { InfectionEpisode, RegisteredResident, ResidentState } from '../resident/resident-state';
import { withTriage } from '../resident/triage-decision';
import { EndHomeTreatment, FillOxygen, GiveAntiviral, RecordSpo2Reading, RecordSymptoms, ReportInfection } from './care-commands';

/** Oxygen filling is charged at 7 yuan (700 fen) per 40 litres begun. */
export const OXYGEN_FILLING_LITRES = 40;
export const OXYGEN_FILLING_FEN = 700;

function registered(state: ResidentState): RegisteredResident {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  return state;
}

function openEpisode(state: ResidentState): { resident: RegisteredResident; episode: InfectionEpisode } {
  const resident = registered(state);
  if (!resident.episode) throw refuse('NO_OPEN_EPISODE', 'the resident has no infection episode under home treatment');
  return { resident, episode: resident.episode };
}

export function decideReportInfection(command: ReportInfection, state: ResidentState): ResidentEvent[] {
  const resident = registered(state);
  if (resident.episode) throw refuse('EPISODE_ALREADY_OPEN', 'the resident is already under home treatment for an infection', { episodeId: resident.episode.episodeId });
  if (command.onsetOn > command.asOf) throw refuse('DATE_IN_FUTURE', `the onset ${command.onsetOn} is after today (${command.asOf})`, { field: 'onsetOn' });
  const reported = residentEvent(InfectionReported, {
    residentId: resident.residentId,
    episodeId: command.episodeId,
    onsetOn: command.onsetOn,
    basis: command.basis,
    symptoms: [...command.symptoms],
    reportedOn: command.asOf,
  });
  const [, triaged] = withTriage(state, reported, command, { kind: 'infection-reported', sourceEventId: null });
  const infected = evolveResident(evolveResident(state, reported), triaged);
  if (infected.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  return [reported, triaged, antiviralEligibilityDecision(infected, command, { kind: 'infection-reported', sourceEventId: null })];
}

export function decideRecordSymptoms(command: RecordSymptoms, state: ResidentState): ResidentEvent[] {
  const { resident, episode } = openEpisode(state);
  // Triage does not look at symptoms (docs/triage-rules.md), so there is nothing to re-decide.
  return [residentEvent(SymptomsRecorded, { residentId: resident.residentId, episodeId: episode.episodeId, symptoms: [...command.symptoms], recordedOn: command.asOf })];
}

export function decideRecordSpo2Reading(command: RecordSpo2Reading, state: ResidentState): ResidentEvent[] {
  const { resident, episode } = openEpisode(state);
  if (command.measuredOn > command.asOf) throw refuse('DATE_IN_FUTURE', 'the reading was taken after today', { field: 'measuredAt' });
  if (command.measuredOn < episode.onsetOn) throw refuse('DATE_BEFORE_ONSET', `the reading was taken before the onset (${episode.onsetOn})`, { field: 'measuredAt' });
  const reading = residentEvent(Spo2Recorded, {
    residentId: resident.residentId,
    episodeId: episode.episodeId,
    spo2: command.spo2,
    pulse: command.pulse,
    measuredAt: command.measuredAt,
    measuredOn: command.measuredOn,
  });
  return withTriage(state, reading, command, { kind: 'spo2-reading', sourceEventId: null });
}

export function decideGiveAntiviral(command: GiveAntiviral, state: ResidentState): ResidentEvent[] {
  const { resident, episode } = openEpisode(state);
  return [residentEvent(AntiviralGiven, { residentId: resident.residentId, episodeId: episode.episodeId, drug: command.drug, courseDays: command.courseDays, givenOn: command.asOf })];
}

export function decideFillOxygen(command: FillOxygen, state: ResidentState): ResidentEvent[] {
  const { resident, episode } = openEpisode(state);
  const fillings = Math.ceil(command.litres / OXYGEN_FILLING_LITRES);
  const chargeFen = fillings * OXYGEN_FILLING_FEN;
  const share = Math.min(Math.max(command.reimbursableShare, 0), 1);
  return [
    residentEvent(OxygenFilled, {
      residentId: resident.residentId,
      episodeId: episode.episodeId,
      litres: command.litres,
      fillings,
      chargeFen,
      reimbursableFen: Math.round(chargeFen * share),
      filledOn: command.asOf,
    }),
  ];
}

export function decideEndHomeTreatment(command: EndHomeTreatment, state: ResidentState): ResidentEvent[] {
  const { resident, episode } = openEpisode(state);
  const ended = residentEvent(HomeTreatmentEnded, { residentId: resident.residentId, episodeId: episode.episodeId, outcome: command.outcome, endedOn: command.asOf });
  return withTriage(state, ended, command, { kind: 'home-treatment-ended', sourceEventId: null });
}
