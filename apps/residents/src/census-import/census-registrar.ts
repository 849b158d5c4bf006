import { Injectable } from '@nestjs/common';
import { DomainError } from '@gridcare/decider';
import { EventContractViolation } from '@gridcare/event-contracts';
import { WrongExpectedVersion } from '@gridcare/event-store';
import { CommandContext } from '@gridcare/nest-event-sourcing';
import { normalizeNationalId, TriageRuleSet } from '@gridcare/residents-domain';
import { ResidentDecisions } from '../commands/resident-decisions.service';
import { residentIdFor } from '../identity/resident-id';
import { RegistrationOutcome } from './census-import-run';
import { CensusRow } from './census-row';

/** Which census column a refusal of the resident decider is about. */
const COLUMN_OF: Record<string, string> = {
  NATIONAL_ID_INVALID: 'national_id',
  BIRTH_DATE_MISMATCH: 'birth_date',
  BIRTH_DATE_IN_FUTURE: 'birth_date',
  AS_OF_BEFORE_BIRTH_DATE: 'birth_date',
  PREGNANT_WHILE_MALE: 'pregnant',
};

const CAMEL_TO_COLUMN: Record<string, string> = { nationalId: 'national_id', fullName: 'full_name', birthDate: 'birth_date', familyDoctorId: 'family_doctor_id', gridId: 'grid_id', lowImmunity: 'low_immunity', livingAlone: 'living_alone' };

/**
 * Registers one census row as a resident with their first triage decision. Idempotent: the
 * resident id follows from the national ID, so a row registered before (by this file, an
 * earlier run, or by hand) is counted as already registered, never registered twice.
 */
@Injectable()
export class CensusRegistrar {
  constructor(private readonly residents: ResidentDecisions) {}

  async register(row: CensusRow, importId: string, context: CommandContext, ruleSet: TriageRuleSet): Promise<RegistrationOutcome> {
    const nationalId = normalizeNationalId(row.national_id);
    const residentId = residentIdFor(nationalId);
    const facts = {
      type: 'RegisterResident' as const,
      residentId,
      nationalId,
      fullName: row.full_name,
      sex: row.sex,
      birthDate: row.birth_date,
      phone: row.phone,
      jurisdiction: { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id },
      gridId: row.grid_id,
      livingAlone: row.living_alone,
      familyDoctorId: row.family_doctor_id,
      conditions: row.conditions,
      lowImmunity: row.low_immunity,
      pregnant: row.pregnant,
      source: 'census-import' as const,
      importId,
    };
    try {
      await this.residents.decide(residentId, facts, context, ruleSet);
      return { outcome: 'registered' };
    } catch (error) {
      if (error instanceof WrongExpectedVersion) return { outcome: 'already-registered' };
      if (error instanceof DomainError) {
        if (error.code === 'RESIDENT_ALREADY_REGISTERED') return { outcome: 'already-registered' };
        return { outcome: 'refused', problems: [{ field: COLUMN_OF[error.code] ?? 'row', reason: error.message }] };
      }
      if (error instanceof EventContractViolation) {
        return {
          outcome: 'refused',
          problems: error.issues.map((issue) => {
            const field = issue.path.split('.')[0];
            return { field: CAMEL_TO_COLUMN[field] ?? field, reason: issue.message };
          }),
        };
      }
      throw error;
    }
  }
}
