import { AntiviralEligibility, FollowUpOutcome, FollowUpPlanBasis, FollowUpPurpose, InfectionBasis, Placement, ResidentFacts, Symptom, Tier } from '@gridcare/residents-contracts';
import { TriageOutcome } from '../triage';

export interface VaccinationStatus {
  readonly dosesReceived: number;
  readonly boostersReceived: number;
  readonly lastDoseOn: string | null;
}

/** What the last triage decision knew of an infection; episodes send changes with RequestRetriage. */
export interface InfectionStatus {
  readonly infected: boolean;
  readonly latestSpo2: number | null;
}

/** The infection episode under home treatment and observation, if any. */
export interface InfectionEpisode {
  readonly episodeId: string;
  readonly onsetOn: string;
  readonly basis: InfectionBasis;
  readonly symptoms: readonly Symptom[];
  readonly latestSpo2: number | null;
  /** The outcome of the episode's latest antiviral eligibility decision. */
  readonly antiviralEligibility: AntiviralEligibility | null;
}

export interface PendingFollowUp {
  readonly number: number;
  /** The first number of this contact: the schedule replaced firstNumber..number - 1 with it. */
  readonly firstNumber: number;
  readonly dueOn: string;
  readonly intervalDays: number;
  readonly purposes: readonly FollowUpPurpose[];
  readonly basis: readonly FollowUpPlanBasis[];
}

export interface FollowUpState {
  /** The follow-up booked next; at most one at a time. */
  readonly pending: PendingFollowUp | null;
  /** Number of the last follow-up scheduled (0 before the first). */
  readonly lastNumber: number;
  /** The last follow-up done, to answer a second worker and to time the next one. */
  readonly lastCompleted: {
    readonly number: number;
    readonly firstNumber: number;
    readonly completedOn: string;
    readonly outcome: FollowUpOutcome;
    readonly workerId: string;
  } | null;
  /** A frequency raised for this episode: follow-ups at least every so many days. */
  readonly raisedIntervalDays: number | null;
  /** Follow-ups in a row that did not reach the resident. */
  readonly notReachedInARow: number;
}

export const noFollowUps = (): FollowUpState => ({ pending: null, lastNumber: 0, lastCompleted: null, raisedIntervalDays: null, notReachedInARow: 0 });

export interface UnregisteredResident {
  readonly status: 'unregistered';
}

export interface RegisteredResident {
  readonly status: 'registered';
  readonly residentId: string;
  readonly nationalId: string;
  readonly facts: ResidentFacts;
  readonly placement: Placement;
  readonly vaccination: VaccinationStatus;
  readonly infection: InfectionStatus;
  readonly episode: InfectionEpisode | null;
  readonly followUps: FollowUpState;
  /** The tier in force: the last automatic decision's, or an override's if one came after it. */
  readonly tier: Tier | null;
  readonly tierOverridden: boolean;
  readonly lastDecisionId: string | null;
  /** The last automatic decision's outcome: a rule-set re-triage compares with it, not with an override. */
  readonly automaticOutcome: TriageOutcome | null;
  /** Source events already acted on, so a redelivered event changes nothing. */
  readonly handledSourceEventIds: ReadonlySet<string>;
}

export type ResidentState = UnregisteredResident | RegisteredResident;

export const initialResidentState = (): ResidentState => ({ status: 'unregistered' });
