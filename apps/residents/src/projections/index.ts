export * from './residents-registry.projection';
export * from './triage-decisions.projection';
export * from './triage-rule-sets.projection';
