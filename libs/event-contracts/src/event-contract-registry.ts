import { EventContract } from './define-event-contract';
import { EventContractViolation, InvalidEventContract } from './errors';
import { parseEventData } from './parse-event-data';

export interface EventContractRegistryOptions {
  /**
   * What `upcast` does with a type no contract is registered for. The log is shared, so a
   * service meets other services' events: by default they pass through untouched and the
   * reader ignores them. `reject` suits a reader that must understand everything it reads.
   */
  readonly unknownTypesOnRead?: 'pass-through' | 'reject';
}

export interface UpcastResult {
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * The contracts a service knows, each with all its versions. Satisfies the event store's
 * EventValidator, so a ValidatingEventStore can enforce it on append and on read.
 */
export class EventContractRegistry {
  /** Per type, its contracts indexed by version - 1; the last one is the current version. */
  private readonly chains = new Map<string, EventContract[]>();
  private readonly unknownTypesOnRead: 'pass-through' | 'reject';

  constructor(options: EventContractRegistryOptions = {}) {
    this.unknownTypesOnRead = options.unknownTypesOnRead ?? 'pass-through';
  }

  /**
   * Registers contracts with the older versions they upcast from. A newer version may be
   * registered later, provided its chain runs through the versions already registered.
   */
  register(...contracts: EventContract[]): this {
    for (const contract of contracts) this.registerOne(contract);
    return this;
  }

  has(type: string): boolean {
    return this.chains.has(type);
  }

  /** The version writers must use for `type`, or undefined for an unknown type. */
  currentVersion(type: string): number | undefined {
    return this.chains.get(type)?.length;
  }

  /** Only the current version may be written: old versions exist to be read, not produced. */
  validateForAppend(type: string, schemaVersion: number, data: unknown): void {
    const chain = this.chains.get(type);
    if (!chain) throw new EventContractViolation(type, schemaVersion, 'unknown_type', [], 'no contract is registered for this event type');
    const current = chain[chain.length - 1];
    if (schemaVersion !== current.version) {
      throw new EventContractViolation(type, schemaVersion, 'not_current_version', [], `only the current version v${current.version} may be appended`);
    }
    parseEventData(current.schema, data, type, schemaVersion);
  }

  /**
   * Brings a stored event to the current version: validates it against its own version's
   * schema, then runs each upcaster and validates each step's result, so upcasters get
   * typed input and the reader gets data that matches the current schema.
   */
  upcast(type: string, schemaVersion: number, data: unknown): UpcastResult {
    const chain = this.chains.get(type);
    if (!chain) {
      if (this.unknownTypesOnRead === 'pass-through') return { schemaVersion, data };
      throw new EventContractViolation(type, schemaVersion, 'unknown_type', [], 'no contract is registered for this event type');
    }
    const stored = chain[schemaVersion - 1];
    if (!stored) {
      throw new EventContractViolation(type, schemaVersion, 'unknown_version', [], `known versions are v1 to v${chain.length}`);
    }
    let value = parseEventData(stored.schema, data, type, schemaVersion, 'stored data is invalid');
    for (const next of chain.slice(schemaVersion)) {
      value = parseEventData(next.schema, this.runUpcaster(next, value, schemaVersion), type, schemaVersion, `invalid after upcasting to v${next.version}`);
    }
    return { schemaVersion: chain.length, data: value };
  }

  private runUpcaster(next: EventContract, value: unknown, storedVersion: number): unknown {
    const upcaster = next.upcastFrom;
    // Unreachable: registerOne only accepts chains where every later version has one.
    if (!upcaster) throw new InvalidEventContract(next.type, `v${next.version} has no upcaster`);
    try {
      return upcaster.upcast(value as never);
    } catch (error) {
      const detail = `upcaster to v${next.version} failed: ${error instanceof Error ? error.message : String(error)}`;
      throw new EventContractViolation(next.type, storedVersion, 'upcast_failed', [], detail, { cause: error });
    }
  }

  private registerOne(contract: EventContract): void {
    const chain = chainOf(contract);
    const registered = this.chains.get(contract.type) ?? [];
    if (chain.length <= registered.length) {
      throw new InvalidEventContract(contract.type, `v${contract.version} is already registered`);
    }
    // The older versions must be the very contracts already registered, not look-alikes.
    registered.forEach((existing, index) => {
      if (chain[index] !== existing) throw new InvalidEventContract(contract.type, `v${existing.version} is already registered with a different contract`);
    });
    this.chains.set(contract.type, chain);
  }
}

/** v1..vN of a contract, following upcastFrom; refuses a chain that does not reach v1. */
function chainOf(contract: EventContract): EventContract[] {
  const chain: EventContract[] = [];
  for (let current: EventContract | undefined = contract; current; current = current.upcastFrom?.contract) chain.unshift(current);
  if (chain[0].version !== 1) {
    throw new InvalidEventContract(contract.type, `version chain has a gap: v${chain[0].version} has no upcaster from v${chain[0].version - 1}`);
  }
  // defineEventContract checks each step; re-check for contracts built by hand.
  chain.forEach((link, index) => {
    if (link.version !== index + 1 || link.type !== contract.type) throw new InvalidEventContract(contract.type, `version chain has a gap at v${index + 1}`);
  });
  return chain;
}
