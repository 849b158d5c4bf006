// The census generator's pure pieces, for tests and other tools (importers, load runs).
export { createCity, cityToJson, parseCity, CITY_FORMAT, GRID_COUNT, REFERENCE_DATE } from './city';
export type { City, Community, District, Grid, Street } from './city';
export {
  residentRows, badRowPlan, censusRecord, BAD_ROW_KINDS, CENSUS_COLUMNS, CONDITION_CODES, DISTRIBUTIONS,
} from './residents';
export type { BadRowKind, CensusColumn, CensusRow, ConditionCode, PlannedBadRow, ResidentRowsOptions } from './residents';
export {
  nationalIdCheckCharacter, nationalIdProblem, isValidNationalId, nationalIdSex, buildNationalId, isCalendarDate,
} from './national-id';
export type { NationalIdProblem } from './national-id';
export { censusCsvChunks, writeCensusFile } from './generate-census';
export type { CensusFileOptions, CensusFileResult } from './generate-census';
export { BEIJING_DISTRICTS, DISTRICT_NEIGHBOURS, DISTRICT_WALK } from './beijing';
export { CensusRowChecker, ageAt } from './validate';
export type { RowProblem } from './validate';
