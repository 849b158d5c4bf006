export * from './birth-date-from-national-id';
export * from './national-id-check-character';
export { isValidNationalId, normalizeNationalId, validateNationalId } from './validate-national-id';
export type { NationalIdProblem, NationalIdValidation } from './validate-national-id';
