export * from './care-commands';
export { OXYGEN_FILLING_FEN, OXYGEN_FILLING_LITRES } from './decide-episode';
export * from './follow-up-plan';
