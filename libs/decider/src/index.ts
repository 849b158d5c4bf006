export * from './decider';
export * from './contract-event';
