export * from './downstream-identity';
export * from './gateway-authentication';
