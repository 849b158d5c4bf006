/**
 * Who keeps the registry: community workers and family doctors register residents, correct
 * their facts, move them and ask for them to be triaged again; administrators may do anything.
 * Tier overrides are the rule set's to allow (its overrideRoles).
 */
export const REGISTRY_ROLES: readonly string[] = ['community_worker', 'family_doctor', 'administrator'];
