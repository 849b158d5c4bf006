export * from './event-validator';
export * from './validating-event-store';
