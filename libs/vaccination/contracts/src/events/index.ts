export * from './dose-administered.event';
