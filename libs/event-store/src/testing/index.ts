export * from './event-store-contract';
export * from './event-store-contract-helpers';
