export * from './event-hash';
export * from './stream-heads';
export * from './verify-chains';
