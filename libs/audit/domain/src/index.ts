export * from './audit-contracts';
export * from './audited-event';
export * from './decision-check';
export * from './decision-tally';
export * from './rerun-decision';
export * from './rule-set-library';
export * from './audit-record-read.event';
