/** Who publishes triage rule sets: a new version re-triages the whole city, so administrators only. */
export const RULE_SET_PUBLISHER_ROLES: readonly string[] = ['administrator'];
