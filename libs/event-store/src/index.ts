export * from './port/global-position';
export * from './port/expected-revision';
export * from './port/event-envelope';
export * from './port/event-store';
export * from './port/errors';
export * from './postgres/postgres-event-store';
export * from './kurrentdb/kurrentdb-event-store';
export * from './validation';
