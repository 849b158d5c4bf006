import { Injectable } from '@nestjs/common';
import { DomainError } from '@gridcare/decider';
import { EventContractViolation } from '@gridcare/event-contracts';
import { WrongExpectedVersion } from '@gridcare/event-store';
import { CommandContext, CreateOutcome } from '@gridcare/nest-event-sourcing';
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

/** Rows registered one by one when a bulk registration is refused whole. */
const FALLBACK_CONCURRENCY = 8;

/**
 * Registers census rows as residents, each with their first triage decision. Idempotent: the
 * resident id follows from the national ID, so a row registered before (by this file, an
 * earlier run, or by hand) is counted as already registered, never registered twice.
 */
@Injectable()
export class CensusRegistrar {
  constructor(private readonly residents: ResidentDecisions) {}

  /**
   * Registers a batch of rows in one bulk append; answers one outcome per row, in order. A
   * national ID repeated within the batch is registered once and reported as already
   * registered after. Should the bulk append be refused whole (an event breaking its
   * contract), the rows are registered one by one, so each gets its own answer.
   */
  async registerBatch(rows: readonly CensusRow[], importId: string, context: CommandContext, ruleSet: TriageRuleSet): Promise<RegistrationOutcome[]> {
    const outcomes: RegistrationOutcome[] = new Array(rows.length);
    for (const round of roundsOfDistinctResidents(rows.map((row) => registrationOf(row, importId)))) {
      let created: CreateOutcome[];
      try {
        created = await this.residents.registerMany(round.map(({ registration }) => registration), context, ruleSet);
      } catch (error) {
        if (!(error instanceof EventContractViolation)) throw error;
        await this.registerOneByOne(round, rows, importId, context, ruleSet, outcomes);
        continue;
      }
      created.forEach((outcome, index) => (outcomes[round[index].index] = outcomeOf(outcome)));
    }
    return outcomes;
  }

  /** Registers one row; the batch path's fall-back, and what a single registration does. */
  async register(row: CensusRow, importId: string, context: CommandContext, ruleSet: TriageRuleSet): Promise<RegistrationOutcome> {
    const registration = registrationOf(row, importId);
    try {
      await this.residents.decide(registration.residentId, registration, context, ruleSet);
      return { outcome: 'registered' };
    } catch (error) {
      if (error instanceof WrongExpectedVersion) return { outcome: 'already-registered' };
      if (error instanceof DomainError) return refusedBy(error);
      if (error instanceof EventContractViolation) return violated(error);
      throw error;
    }
  }

  private async registerOneByOne(
    round: { index: number }[],
    rows: readonly CensusRow[],
    importId: string,
    context: CommandContext,
    ruleSet: TriageRuleSet,
    outcomes: RegistrationOutcome[],
  ): Promise<void> {
    for (let start = 0; start < round.length; start += FALLBACK_CONCURRENCY) {
      await Promise.all(
        round.slice(start, start + FALLBACK_CONCURRENCY).map(async ({ index }) => (outcomes[index] = await this.register(rows[index], importId, context, ruleSet))),
      );
    }
  }
}

type Registration = ReturnType<typeof registrationOf>;

function registrationOf(row: CensusRow, importId: string) {
  const nationalId = normalizeNationalId(row.national_id);
  return {
    type: 'RegisterResident' as const,
    residentId: residentIdFor(nationalId),
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
}

/** Splits registrations so that no round names a resident twice (a national ID repeated in the file). */
function roundsOfDistinctResidents(registrations: Registration[]): { index: number; registration: Registration }[][] {
  const rounds: { index: number; registration: Registration }[][] = [];
  const seen = new Map<string, number>();
  registrations.forEach((registration, index) => {
    const round = seen.get(registration.residentId) ?? 0;
    seen.set(registration.residentId, round + 1);
    (rounds[round] ??= []).push({ index, registration });
  });
  return rounds;
}

function outcomeOf(created: CreateOutcome): RegistrationOutcome {
  if (created.status === 'created') return { outcome: 'registered' };
  if (created.status === 'exists') return { outcome: 'already-registered' };
  return refusedBy(created.error);
}

function refusedBy(error: DomainError): RegistrationOutcome {
  if (error.code === 'RESIDENT_ALREADY_REGISTERED') return { outcome: 'already-registered' };
  return { outcome: 'refused', problems: [{ field: COLUMN_OF[error.code] ?? 'row', reason: error.message }] };
}

function violated(error: EventContractViolation): RegistrationOutcome {
  return {
    outcome: 'refused',
    problems: error.issues.map((issue) => {
      const field = issue.path.split(/[.[]/)[0];
      return { field: CAMEL_TO_COLUMN[field] ?? field, reason: issue.message };
    }),
  };
}
