import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { CalendarDate } from '../calendar-date';

/** How an infection was established. */
export const InfectionBasis = z.enum(['antigen-test', 'pcr-test', 'symptoms']);
export type InfectionBasis = z.infer<typeof InfectionBasis>;

export const Symptom = z.enum(['fever', 'cough', 'sore-throat', 'fatigue', 'shortness-of-breath', 'chest-pain', 'confusion', 'loss-of-taste-or-smell', 'diarrhoea', 'other']);
export type Symptom = z.infer<typeof Symptom>;

/** A resident reported infected: opens an infection episode, under home treatment and observation. */
export const InfectionReported = defineEventContract({
  type: 'InfectionReported',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    episodeId: z.uuid(),
    onsetOn: CalendarDate,
    basis: InfectionBasis,
    symptoms: z.array(Symptom),
    reportedOn: CalendarDate,
  }),
});
export type InfectionReportedData = EventData<typeof InfectionReported>;

/** Symptoms as seen on a day of the episode (replacing the earlier list). */
export const SymptomsRecorded = defineEventContract({
  type: 'SymptomsRecorded',
  version: 1,
  schema: z.strictObject({ residentId: z.uuid(), episodeId: z.uuid(), symptoms: z.array(Symptom), recordedOn: CalendarDate }),
});
export type SymptomsRecordedData = EventData<typeof SymptomsRecorded>;

/** A blood-oxygen saturation reading, from a finger oximeter at home or a worker's visit. */
export const Spo2Recorded = defineEventContract({
  type: 'Spo2Recorded',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    episodeId: z.uuid(),
    spo2: z.number().int().min(50).max(100),
    pulse: z.number().int().min(20).max(250).nullable(),
    measuredAt: z.iso.datetime({ offset: true }),
    measuredOn: CalendarDate,
  }),
});
export type Spo2RecordedData = EventData<typeof Spo2Recorded>;

/** An antiviral course started at a community health service institution. */
export const AntiviralGiven = defineEventContract({
  type: 'AntiviralGiven',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    episodeId: z.uuid(),
    drug: z.string().trim().min(1).max(100),
    courseDays: z.number().int().min(1).max(30),
    givenOn: CalendarDate,
  }),
});
export type AntiviralGivenData = EventData<typeof AntiviralGiven>;

/** Oxygen filled for home oxygen therapy: charged per 40 litres, part of it reimbursable by medical insurance. */
export const OxygenFilled = defineEventContract({
  type: 'OxygenFilled',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    episodeId: z.uuid(),
    litres: z.number().int().positive(),
    fillings: z.number().int().positive(),
    chargeFen: z.number().int().min(0),
    reimbursableFen: z.number().int().min(0),
    filledOn: CalendarDate,
  }),
});
export type OxygenFilledData = EventData<typeof OxygenFilled>;

export const HomeTreatmentOutcome = z.enum(['recovered', 'referred', 'admitted', 'died', 'other']);
export type HomeTreatmentOutcome = z.infer<typeof HomeTreatmentOutcome>;

/** Home treatment and observation are over: the episode closes. */
export const HomeTreatmentEnded = defineEventContract({
  type: 'HomeTreatmentEnded',
  version: 1,
  schema: z.strictObject({ residentId: z.uuid(), episodeId: z.uuid(), outcome: HomeTreatmentOutcome, endedOn: CalendarDate }),
});
export type HomeTreatmentEndedData = EventData<typeof HomeTreatmentEnded>;
