export * from './grid-id';
export * from './grid-defined.event';
