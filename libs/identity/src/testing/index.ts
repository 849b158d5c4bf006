export * from './test-identities';
