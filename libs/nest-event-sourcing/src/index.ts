export * from './tokens';
export * from './command-context';
export * from './create-event-store';
export * from './aggregate-store';
export * from './projection-host';
export * from './event-sourcing.module';
export * from './clock';
export * from './read-model-database';
