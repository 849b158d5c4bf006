import { Actor } from '@gridcare/event-store';
import { CareCommand } from '@gridcare/residents-domain';

const WORKERS_AND_DOCTORS = ['community_worker', 'family_doctor', 'administrator'] as const;
const DOCTORS = ['family_doctor', 'administrator'] as const;

/**
 * Who may do what in a resident's care. Community workers keep in touch every day: they learn
 * of an infection, note symptoms and oximeter readings, do follow-ups and may ask for them more
 * often. Treatment is the family doctor's: antivirals, oxygen, and the end of home treatment and
 * observation, and asking for a resident's antiviral eligibility again. Administrators may do
 * anything (on a worker's or doctor's behalf).
 */
export const CARE_ROLES: Readonly<Record<CareCommand['type'], readonly string[]>> = {
  ReportInfection: WORKERS_AND_DOCTORS,
  RecordSymptoms: WORKERS_AND_DOCTORS,
  RecordSpo2Reading: WORKERS_AND_DOCTORS,
  CompleteFollowUp: WORKERS_AND_DOCTORS,
  RaiseFollowUpFrequency: WORKERS_AND_DOCTORS,
  AssessAntiviralEligibility: DOCTORS,
  GiveAntiviral: DOCTORS,
  FillOxygen: DOCTORS,
  EndHomeTreatment: DOCTORS,
};

/** The actor's role may not do this; nothing was written. */
export class CareNotPermitted extends Error {
  constructor(
    readonly role: string,
    readonly command: CareCommand['type'],
  ) {
    super(`role ${role} may not ${command.replace(/[A-Z]/g, (letter, index) => (index ? ' ' : '') + letter.toLowerCase())}; only ${CARE_ROLES[command].join(', ')} may`);
    this.name = 'CareNotPermitted';
  }
}

export function assertMayCare(command: CareCommand['type'], actor: Actor): void {
  if (!CARE_ROLES[command].includes(actor.role)) throw new CareNotPermitted(actor.role, command);
}
