import { EpisodeEvent, FollowUpEvent } from '../resident/resident-events';
import { RegisteredResident } from '../resident/resident-state';

/** An episode's events: the episode itself, and the infection status triage sees. */
export function evolveEpisode(state: RegisteredResident, event: EpisodeEvent): RegisteredResident {
  switch (event.type) {
    case 'InfectionReported': {
      const { episodeId, onsetOn, basis, symptoms } = event.data;
      return { ...state, episode: { episodeId, onsetOn, basis, symptoms, latestSpo2: null, antiviralEligibility: null }, infection: { infected: true, latestSpo2: null } };
    }
    case 'SymptomsRecorded':
      return state.episode ? { ...state, episode: { ...state.episode, symptoms: event.data.symptoms } } : state;
    case 'Spo2Recorded':
      return state.episode
        ? { ...state, episode: { ...state.episode, latestSpo2: event.data.spo2 }, infection: { ...state.infection, latestSpo2: event.data.spo2 } }
        : state;
    case 'AntiviralEligibilityAssessed':
      return state.episode ? { ...state, episode: { ...state.episode, antiviralEligibility: event.data.outcome } } : state;
    case 'AntiviralGiven':
    case 'OxygenFilled':
      return state;
    case 'HomeTreatmentEnded':
      // A raised frequency was for this episode; the next one starts from the plan again.
      return { ...state, episode: null, infection: { infected: false, latestSpo2: null }, followUps: { ...state.followUps, raisedIntervalDays: null } };
  }
}

export function evolveFollowUps(state: RegisteredResident, event: FollowUpEvent): RegisteredResident {
  const followUps = state.followUps;
  switch (event.type) {
    case 'FollowUpScheduled': {
      const { followUpNumber, dueOn, intervalDays, purposes, basis, replaces } = event.data;
      // A replacement is the same contact, moved: it keeps the number the contact was first booked under.
      const firstNumber = replaces !== null && followUps.pending?.number === replaces ? followUps.pending.firstNumber : followUpNumber;
      return { ...state, followUps: { ...followUps, pending: { number: followUpNumber, firstNumber, dueOn, intervalDays, purposes, basis }, lastNumber: followUpNumber } };
    }
    case 'FollowUpCompleted': {
      const { followUpNumber, completedOn, outcome, workerId } = event.data;
      const notReachedInARow = outcome === 'not-reached' ? followUps.notReachedInARow + 1 : 0;
      const firstNumber = followUps.pending?.number === followUpNumber ? followUps.pending.firstNumber : followUpNumber;
      return { ...state, followUps: { ...followUps, pending: null, lastCompleted: { number: followUpNumber, firstNumber, completedOn, outcome, workerId }, notReachedInARow } };
    }
    case 'FollowUpFrequencyRaised':
      return { ...state, followUps: { ...followUps, raisedIntervalDays: event.data.intervalDays } };
    case 'FollowUpsEnded':
      return { ...state, followUps: { ...followUps, pending: null, notReachedInARow: 0 } };
    case 'FollowUpEscalated':
    case 'ReferralAssistanceRequested':
      return state;
  }
}
