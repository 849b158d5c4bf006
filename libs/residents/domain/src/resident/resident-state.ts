import { Placement, ResidentFacts, Tier } from '@gridcare/residents-contracts';
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
