export * from './errors';
export * from './define-event-contract';
export * from './event-contract-registry';
