import { FollowUpMethod, FollowUpOutcome, HomeTreatmentOutcome, InfectionBasis, Symptom } from '@gridcare/residents-contracts';
import type { AntiviralRuleSet } from '../antiviral/antiviral-rule-set';
import type { TriageContext } from '../resident/resident-commands';

/** Every command carries the antiviral eligibility rule set in force; infection reports and re-assessments use it. */
export interface AntiviralContext {
  readonly antiviralRuleSet: AntiviralRuleSet;
}

/** Opens an infection episode; the resident is re-triaged as infected and assessed for early antivirals. */
export interface ReportInfection extends TriageContext, AntiviralContext {
  readonly type: 'ReportInfection';
  readonly episodeId: string;
  readonly onsetOn: string;
  readonly basis: InfectionBasis;
  readonly symptoms: readonly Symptom[];
}

export interface RecordSymptoms extends TriageContext {
  readonly type: 'RecordSymptoms';
  readonly symptoms: readonly Symptom[];
}

/** An SpO2 reading: re-triages with it. `measuredOn` is the city date of `measuredAt`. */
export interface RecordSpo2Reading extends TriageContext {
  readonly type: 'RecordSpo2Reading';
  readonly spo2: number;
  readonly pulse: number | null;
  readonly measuredAt: string;
  readonly measuredOn: string;
}

/** A doctor asks for the antiviral eligibility of the open episode again. */
export interface AssessAntiviralEligibility extends TriageContext, AntiviralContext {
  readonly type: 'AssessAntiviralEligibility';
}

export interface GiveAntiviral extends TriageContext {
  readonly type: 'GiveAntiviral';
  readonly drug: string;
  readonly courseDays: number;
}

/** Oxygen filled for home oxygen therapy; `reimbursableShare` is the medical insurance's part (0..1). */
export interface FillOxygen extends TriageContext {
  readonly type: 'FillOxygen';
  readonly litres: number;
  readonly reimbursableShare: number;
}

export interface EndHomeTreatment extends TriageContext {
  readonly type: 'EndHomeTreatment';
  readonly outcome: HomeTreatmentOutcome;
}

export interface CompleteFollowUp extends TriageContext {
  readonly type: 'CompleteFollowUp';
  readonly followUpNumber: number;
  readonly method: FollowUpMethod;
  readonly outcome: FollowUpOutcome;
  readonly workerId: string;
  readonly note: string | null;
}

export interface RaiseFollowUpFrequency extends TriageContext {
  readonly type: 'RaiseFollowUpFrequency';
  readonly intervalDays: number;
  readonly reason: string;
}

export type CareCommand =
  | ReportInfection
  | AssessAntiviralEligibility
  | RecordSymptoms | RecordSpo2Reading | GiveAntiviral | FillOxygen | EndHomeTreatment | CompleteFollowUp | RaiseFollowUpFrequency;
