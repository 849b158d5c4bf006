import { CalendarDate, FollowUpMethod, FollowUpOutcome, HomeTreatmentOutcome, InfectionBasis, Symptom } from '@gridcare/residents-contracts';
import { z } from 'zod';
import { ResidentCareInput } from '../care/resident-care.command';
import { badInput } from './graphql-errors';
import { fromGraphQLEnum } from './graphql-enum';

/**
 * The care mutations' inputs as GraphQL hands them over, and the care commands they become.
 * Checked here: what must be sound before the domain can read it (a date, an instant, a
 * share). Ranges the event contracts state (SpO2, pulse, course days, litres) are refused there,
 * naming the field, and the domain's rules by the domain.
 */
export interface ReportInfectionInput {
  residentId: string;
  onsetOn: string;
  basis: string;
  symptoms: string[];
}
export interface RecordSymptomsInput {
  residentId: string;
  symptoms: string[];
}
export interface RecordSpo2ReadingInput {
  residentId: string;
  spo2: number;
  pulse?: number | null;
  measuredAt: string;
}
export interface GiveAntiviralInput {
  residentId: string;
  drug: string;
  courseDays: number;
}
export interface FillOxygenInput {
  residentId: string;
  litres: number;
  reimbursableShare: number;
}
export interface EndHomeTreatmentInput {
  residentId: string;
  outcome: string;
}
export interface CompleteFollowUpInput {
  residentId: string;
  followUpNumber: number;
  method: string;
  outcome: string;
  note?: string | null;
}
export interface RaiseFollowUpFrequencyInput {
  residentId: string;
  intervalDays: number;
  reason: string;
}

const Instant = z.iso.datetime({ offset: true });

/** The list as given, once each (a symptom named twice is one symptom). */
const symptomsOf = (symptoms: string[]) => [...new Set(symptoms.map((symptom) => fromGraphQLEnum<Symptom>(symptom)))];

export function reportInfection(input: ReportInfectionInput): ResidentCareInput {
  if (!CalendarDate.safeParse(input.onsetOn).success) throw badInput('onsetOn', 'expected a real date as YYYY-MM-DD');
  return { type: 'ReportInfection', onsetOn: input.onsetOn, basis: fromGraphQLEnum<InfectionBasis>(input.basis), symptoms: symptomsOf(input.symptoms) };
}

export const recordSymptoms = (input: RecordSymptomsInput): ResidentCareInput => ({ type: 'RecordSymptoms', symptoms: symptomsOf(input.symptoms) });

export function recordSpo2Reading(input: RecordSpo2ReadingInput): ResidentCareInput {
  if (!Instant.safeParse(input.measuredAt).success) throw badInput('measuredAt', 'expected an ISO 8601 date and time with an offset, as 2026-01-15T08:30:00+08:00');
  return { type: 'RecordSpo2Reading', spo2: input.spo2, pulse: input.pulse ?? null, measuredAt: input.measuredAt };
}

export const giveAntiviral = (input: GiveAntiviralInput): ResidentCareInput => ({ type: 'GiveAntiviral', drug: input.drug, courseDays: input.courseDays });

export function fillOxygen(input: FillOxygenInput): ResidentCareInput {
  // The domain would clamp it; a share outside 0..1 is a mistake to show, not to correct.
  if (!(input.reimbursableShare >= 0 && input.reimbursableShare <= 1)) throw badInput('reimbursableShare', 'must be between 0 and 1');
  return { type: 'FillOxygen', litres: input.litres, reimbursableShare: input.reimbursableShare };
}

export const endHomeTreatment = (input: EndHomeTreatmentInput): ResidentCareInput => ({ type: 'EndHomeTreatment', outcome: fromGraphQLEnum<HomeTreatmentOutcome>(input.outcome) });

export const completeFollowUp = (input: CompleteFollowUpInput): ResidentCareInput => ({
  type: 'CompleteFollowUp',
  followUpNumber: input.followUpNumber,
  method: fromGraphQLEnum<FollowUpMethod>(input.method),
  outcome: fromGraphQLEnum<FollowUpOutcome>(input.outcome),
  note: input.note ?? null,
});

export const raiseFollowUpFrequency = (input: RaiseFollowUpFrequencyInput): ResidentCareInput => ({
  type: 'RaiseFollowUpFrequency',
  intervalDays: input.intervalDays,
  reason: input.reason,
});
