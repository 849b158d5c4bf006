export * from './dose-kind';
export * from './events';
export * from './streams';
export * from './vaccination-contracts';
