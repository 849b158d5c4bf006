import { z } from 'zod';

/** The people who use Gridcare (the brief's "Who uses it"), as they appear in tokens and events. */
export const ROLES = [
  'community_worker',
  'family_doctor',
  'referral_desk',
  'vaccination_team',
  'volunteer_coordinator',
  'command_centre',
  'auditor',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

export const RoleSchema = z.enum(ROLES);

/**
 * Roles that see a resident's national ID and phone: those who call, visit, treat or vaccinate
 * them, and administrators who correct the registry. Dashboards, referral desks, volunteer
 * coordinators and auditors work without them.
 */
const PERSONAL_DATA_ROLES: ReadonlySet<Role> = new Set(['community_worker', 'family_doctor', 'vaccination_team', 'administrator']);

export function maySeePersonalData(role: Role): boolean {
  return PERSONAL_DATA_ROLES.has(role);
}

/** Auditors read everything in their jurisdiction and change nothing. */
export function isReadOnly(role: Role): boolean {
  return role === 'auditor';
}
