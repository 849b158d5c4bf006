/** Injection token of the service's `EventStore` (already wrapped with contract validation). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** Injection token of the `EventContractRegistry` holding the events the service knows. */
export const EVENT_CONTRACTS = Symbol('EVENT_CONTRACTS');
