export * from './downstream-identity';
