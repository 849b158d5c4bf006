import { z } from 'zod';

/** The census file's columns, in order (tools/census writes them; docs/census-import.md lists them). */
export const CENSUS_COLUMNS = [
  'national_id',
  'full_name',
  'sex',
  'birth_date',
  'phone',
  'district_id',
  'street_id',
  'community_id',
  'grid_id',
  'living_alone',
  'family_doctor_id',
  'conditions',
  'low_immunity',
  'pregnant',
] as const;

const yesNo = z.enum(['true', 'false', 'yes', 'no', '1', '0', 'TRUE', 'FALSE']).transform((value) => ['true', 'yes', '1', 'TRUE'].includes(value));
const optional = (schema: z.ZodString) => z.string().transform((value) => value.trim()).pipe(z.union([z.literal('').transform(() => null), schema]));
const id = z.string().trim().min(1, 'is required').max(64).regex(/^[A-Za-z0-9_-]+$/, 'may hold letters, digits, - and _ only');

const condition = z
  .string()
  .regex(/^[a-z0-9-]+:(controlled|uncontrolled)$/, 'each condition is code:controlled or code:uncontrolled')
  .transform((entry) => {
    const [code, state] = entry.split(':');
    return { code, controlled: state === 'controlled' };
  });

/** One census row, checked field by field; messages name what is wrong. */
export const censusRowSchema = z.object({
  national_id: z.string().trim().toUpperCase().length(18, 'must be 18 characters'),
  full_name: z.string().trim().min(1, 'is required').max(100),
  sex: z.enum(['female', 'male'], { message: 'must be female or male' }),
  birth_date: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  phone: optional(z.string().regex(/^\+?\d{7,15}$/, 'must be 7 to 15 digits')),
  district_id: id,
  street_id: id,
  community_id: id,
  grid_id: id,
  living_alone: yesNo,
  family_doctor_id: optional(z.string().max(64)),
  conditions: z
    .string()
    .trim()
    .transform((value) => (value ? value.split(';').map((part) => part.trim()) : []))
    .pipe(z.array(condition)),
  low_immunity: yesNo,
  pregnant: yesNo,
});

export type CensusRow = z.output<typeof censusRowSchema>;

export interface RowProblem {
  field: string;
  reason: string;
}

export function parseCensusRow(raw: Record<string, string>): { row: CensusRow } | { problems: RowProblem[] } {
  const result = censusRowSchema.safeParse(raw);
  if (result.success) return { row: result.data };
  // One problem per column: the first thing wrong with it.
  const problems = new Map<string, RowProblem>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'row');
    if (!problems.has(field)) problems.set(field, { field, reason: issue.message });
  }
  return { problems: [...problems.values()] };
}
