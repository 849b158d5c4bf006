export * from './worker-id';
export * from './resident-assigned-to-worker.event';
