export * from './facility-values';
export * from './facility-registered.event';
export * from './facility-capacity-changed.event';
export * from './bed-held.event';
export * from './bed-released.event';
