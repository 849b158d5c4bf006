export * from './resident-registered.event';
export * from './national-id-claimed.event';
export * from './resident-corrected.event';
export * from './resident-moved.event';
export * from './resident-vaccination-status-updated.event';
export * from './triage-rule-set-published.event';
export * from './resident-triaged.event';
export * from './resident-tier-overridden.event';
