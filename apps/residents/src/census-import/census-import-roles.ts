import { Actor } from '@gridcare/event-store';

/** Who may bring a census file in, by upload or by starting an import. */
export const CENSUS_IMPORT_ROLES: readonly string[] = ['administrator', 'command_centre'];

export function mayImportCensus(actor: Actor): boolean {
  return CENSUS_IMPORT_ROLES.includes(actor.role);
}

export const CENSUS_IMPORT_REFUSED = `only ${CENSUS_IMPORT_ROLES.join(' and ')} may import census files`;

/** Who follows census imports: whoever may import, and auditors. */
export function mayReadCensusImports(role: string): boolean {
  return CENSUS_IMPORT_ROLES.includes(role) || role === 'auditor';
}
