// A reference check of one census row against the city, naming every problem found. The
// tests use it to show that generated rows are clean and bad rows are bad in exactly the
// intended way; an importer's own validation can be compared with it.
import { City, Community, REFERENCE_DATE } from './city';
import { isCalendarDate, nationalIdProblem, nationalIdSex } from './national-id';
import { CensusRow, CONDITION_CODES } from './residents';

export type RowProblem =
  | 'national_id:format'
  | 'national_id:birth-date'
  | 'national_id:check-character'
  | 'national_id:not-birth-date'
  | 'national_id:sex'
  | 'national_id:region'
  | 'full_name'
  | 'sex:unknown'
  | 'birth_date:format'
  | 'birth_date:impossible'
  | 'birth_date:future'
  | 'phone'
  | 'community_id:missing'
  | 'community_id:unknown'
  | 'jurisdiction:mismatch'
  | 'living_alone'
  | 'family_doctor_id'
  | 'conditions'
  | 'low_immunity'
  | 'pregnant:value'
  | 'pregnant:male'
  /** Outside 20-44: possible in life, but the generator never does it. */
  | 'pregnant:age';

/** Age in whole years at `reference` (YYYY-MM-DD) of someone born on `birthDate` (YYYY-MM-DD). */
export function ageAt(birthDate: string, reference = REFERENCE_DATE): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ry, rm, rd] = reference.split('-').map(Number);
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

const BOOLEAN = /^(true|false)$/;
const CONDITION = new RegExp(`^(${CONDITION_CODES.join('|')}):(controlled|uncontrolled)$`);

export class CensusRowChecker {
  private readonly communities: Map<string, Community>;
  private readonly regionCodes: Map<string, string>;

  constructor(city: City) {
    this.communities = new Map(city.communities.map((c) => [c.id, c]));
    this.regionCodes = new Map(city.districts.map((d) => [d.id, d.regionCode]));
  }

  /** Every problem with `row`; empty for a valid row. */
  problems(row: CensusRow): RowProblem[] {
    const out: RowProblem[] = [];
    const idProblem = nationalIdProblem(row.national_id);
    if (idProblem) out.push(`national_id:${idProblem}`);
    if (!/^[A-Z][a-zü]+ [A-Z][a-z]+$/.test(row.full_name)) out.push('full_name');
    const sexKnown = row.sex === 'female' || row.sex === 'male';
    if (!sexKnown) out.push('sex:unknown');
    const dateShaped = /^\d{4}-\d{2}-\d{2}$/.test(row.birth_date);
    const dateReal = dateShaped && isCalendarDate(row.birth_date.replace(/-/g, ''));
    if (!dateShaped) out.push('birth_date:format');
    else if (!dateReal) out.push('birth_date:impossible');
    else if (row.birth_date > REFERENCE_DATE) out.push('birth_date:future');
    if (idProblem !== 'format') {
      if (row.national_id.slice(6, 14) !== row.birth_date.replace(/-/g, '')) out.push('national_id:not-birth-date');
      if (sexKnown && nationalIdSex(row.national_id) !== row.sex) out.push('national_id:sex');
      if (this.regionCodes.get(row.district_id) !== row.national_id.slice(0, 6)) out.push('national_id:region');
    }
    if (row.phone !== '' && !/^1[358]\d{9}$/.test(row.phone)) out.push('phone');
    const community = this.communities.get(row.community_id);
    if (row.community_id === '') out.push('community_id:missing');
    else if (!community) out.push('community_id:unknown');
    else if (community.streetId !== row.street_id || community.districtId !== row.district_id || community.gridId !== row.grid_id) {
      out.push('jurisdiction:mismatch');
    }
    if (!BOOLEAN.test(row.living_alone)) out.push('living_alone');
    if (row.family_doctor_id !== '') {
      const match = /^fd-(.+)-(\d+)$/.exec(row.family_doctor_id);
      const doctors = match && this.communities.get(match[1])?.familyDoctors;
      if (!match || !doctors || Number(match[2]) < 1 || Number(match[2]) > doctors) out.push('family_doctor_id');
    }
    if (row.conditions !== '') {
      const codes = row.conditions.split(';');
      const names = codes.map((c) => c.split(':')[0]);
      if (!codes.every((c) => CONDITION.test(c)) || new Set(names).size !== names.length) out.push('conditions');
    }
    if (!BOOLEAN.test(row.low_immunity)) out.push('low_immunity');
    if (!BOOLEAN.test(row.pregnant)) out.push('pregnant:value');
    else if (row.pregnant === 'true') {
      if (row.sex === 'male') out.push('pregnant:male');
      else if (dateReal && (ageAt(row.birth_date) < 20 || ageAt(row.birth_date) > 44)) out.push('pregnant:age');
    }
    return out;
  }
}
