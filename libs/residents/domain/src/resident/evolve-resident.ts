import { evolveEpisode, evolveFollowUps } from '../care/evolve-care';
import { ResidentEvent } from './resident-events';
import { noFollowUps, RegisteredResident, ResidentState } from './resident-state';

export function evolveResident(state: ResidentState, event: ResidentEvent): ResidentState {
  if (event.type === 'ResidentRegistered') {
    if (state.status === 'registered') return state;
    const { residentId, nationalId, jurisdiction, gridId, source: _source, importId: _importId, ...facts } = event.data;
    return {
      status: 'registered',
      residentId,
      nationalId,
      facts,
      placement: { jurisdiction, gridId },
      vaccination: { dosesReceived: 0, boostersReceived: 0, lastDoseOn: null },
      infection: { infected: false, latestSpo2: null },
      episode: null,
      followUps: noFollowUps(),
      tier: null,
      tierOverridden: false,
      lastDecisionId: null,
      automaticOutcome: null,
      handledSourceEventIds: new Set(),
    };
  }
  // Total, as evolve must be: an event before registration cannot happen, and changes nothing.
  if (state.status !== 'registered') return state;
  return evolveRegistered(state, event);
}

function evolveRegistered(state: RegisteredResident, event: Exclude<ResidentEvent, { type: 'ResidentRegistered' }>): RegisteredResident {
  switch (event.type) {
    case 'ResidentCorrected': {
      const changes = Object.fromEntries(Object.entries(event.data.changes).filter(([, value]) => value !== undefined));
      return { ...state, facts: { ...state.facts, ...changes } };
    }
    case 'ResidentMoved':
      return { ...state, placement: event.data.to };
    case 'ResidentVaccinationStatusUpdated': {
      const { dosesReceived, boostersReceived, lastDoseOn, sourceEventId } = event.data;
      return { ...state, vaccination: { dosesReceived, boostersReceived, lastDoseOn }, handledSourceEventIds: withId(state.handledSourceEventIds, sourceEventId) };
    }
    case 'ResidentTriaged': {
      const { decisionId, tier, firedRules, inputs, trigger } = event.data;
      return {
        ...state,
        tier,
        // An automatic decision replaces any override: see docs/triage-rules.md.
        tierOverridden: false,
        lastDecisionId: decisionId,
        automaticOutcome: { tier, firedRules },
        infection: { infected: inputs.infected, latestSpo2: inputs.latestSpo2 },
        handledSourceEventIds: withId(state.handledSourceEventIds, trigger.sourceEventId),
      };
    }
    case 'ResidentTierOverridden':
      return { ...state, tier: event.data.tier, tierOverridden: true, lastDecisionId: event.data.decisionId };
    case 'InfectionReported':
    case 'SymptomsRecorded':
    case 'Spo2Recorded':
    case 'AntiviralEligibilityAssessed':
    case 'AntiviralGiven':
    case 'OxygenFilled':
    case 'HomeTreatmentEnded':
      return evolveEpisode(state, event);
    default:
      return evolveFollowUps(state, event);
  }
}

function withId(ids: ReadonlySet<string>, id: string | null): ReadonlySet<string> {
  return id === null || ids.has(id) ? ids : new Set(ids).add(id);
}
