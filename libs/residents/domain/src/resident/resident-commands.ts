import { Placement, ResidentFactChanges, ResidentRegisteredData, Tier, TriageTriggerKind } from '@gridcare/residents-contracts';
import { CareCommand } from '../care/care-commands';
import { TriageRuleSet } from '../triage';
import { InfectionStatus } from './resident-state';

/**
 * What every command that triages carries, so decide needs no clock and no I/O: the decision's
 * id, the city date ages are computed at (cityDate(now)), and the rule set in force.
 */
export interface TriageContext {
  readonly decisionId: string;
  readonly asOf: string;
  readonly ruleSet: TriageRuleSet;
}

export interface RegisterResident extends ResidentRegisteredData, TriageContext {
  readonly type: 'RegisterResident';
}

export interface CorrectResident extends TriageContext {
  readonly type: 'CorrectResident';
  readonly changes: ResidentFactChanges;
  readonly reason: string;
}

export interface MoveResident extends TriageContext {
  readonly type: 'MoveResident';
  readonly to: Placement;
  readonly reason: string;
}

/** From a vaccination service event (sourceEventId): applying the same event twice changes nothing. */
export interface UpdateVaccinationStatus extends TriageContext {
  readonly type: 'UpdateVaccinationStatus';
  readonly dosesReceived: number;
  readonly boostersReceived: number;
  readonly lastDoseOn: string | null;
  readonly sourceEventId: string;
}

/** The triggers that have no command of their own. */
export const RETRIAGE_TRIGGER_KINDS = [
  'infection-reported',
  'spo2-reading',
  'follow-up-outcome',
  'rule-set-published',
  'manual-request',
] as const satisfies readonly TriageTriggerKind[];
export type RetriageTriggerKind = (typeof RETRIAGE_TRIGGER_KINDS)[number];

export interface RequestRetriage extends TriageContext {
  readonly type: 'RequestRetriage';
  readonly trigger: { readonly kind: RetriageTriggerKind; readonly sourceEventId: string | null };
  /** The infection as an episode now reports it (infection, SpO2, follow-up triggers); omitted: unchanged. */
  readonly infection?: InfectionStatus;
}

/** No asOf: an override runs no rules, but cites the rule set whose overrideRoles allow it. */
export interface OverrideTier {
  readonly type: 'OverrideTier';
  readonly tier: Tier;
  readonly reason: string;
  readonly actorRole: string;
  readonly decisionId: string;
  readonly ruleSet: TriageRuleSet;
  /** The city date: the follow-up schedule moves with the new tier from then. */
  readonly asOf?: string;
}

export type ResidentCommand = RegisterResident | CorrectResident | MoveResident | UpdateVaccinationStatus | RequestRetriage | OverrideTier | CareCommand;
