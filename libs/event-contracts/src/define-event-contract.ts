import { z } from 'zod';
import { InvalidEventContract } from './errors';
import { parseEventData } from './parse-event-data';

/** Any zod object schema: strict, loose or stripping. */
export type EventSchema = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

/** How events of the previous version become events of this one. */
export interface UpcastFrom<Previous extends EventContract = EventContract, Schema extends EventSchema = EventSchema> {
  readonly contract: Previous;
  /**
   * Pure and total: gets the previous version's validated data, returns this version's.
   * (A method, not a function property, so a specific upcaster fits the general type.)
   */
  upcast(data: EventData<Previous>): z.input<Schema>;
}

/** An event built by a contract, ready to be given metadata and appended. */
export interface ContractEvent<Type extends string = string, Version extends number = number, Data = unknown> {
  readonly type: Type;
  readonly schemaVersion: Version;
  readonly data: Data;
}

/** One version of one event type. */
export interface EventContract<Type extends string = string, Version extends number = number, Schema extends EventSchema = EventSchema> {
  readonly type: Type;
  readonly version: Version;
  readonly schema: Schema;
  readonly upcastFrom?: UpcastFrom<EventContract<Type>, Schema>;
  /** Validates `data` now (throws EventContractViolation) so a bad event fails where it is built. */
  create(data: z.input<Schema>): ContractEvent<Type, Version, z.output<Schema>>;
}

/** The data of a contract's events, as readers see it: `EventData<typeof ResidentRegistered>`. */
export type EventData<C extends EventContract> = z.output<C['schema']>;

/** What `create` accepts (differs from EventData only for schemas with defaults or transforms). */
export type EventDataInput<C extends EventContract> = z.input<C['schema']>;

/** The event `create` returns for a contract. */
export type EventOf<C extends EventContract> = ReturnType<C['create']>;

export interface EventContractDefinition<Type extends string, Version extends number, Schema extends EventSchema, Previous extends EventContract<Type>> {
  readonly type: Type;
  /** 1 for the first version; each later version upcasts from the one before. */
  readonly version: Version;
  readonly schema: Schema;
  readonly upcastFrom?: UpcastFrom<Previous, Schema>;
}

export function defineEventContract<
  Type extends string,
  Version extends number,
  Schema extends EventSchema,
  Previous extends EventContract<Type> = never,
>(definition: EventContractDefinition<Type, Version, Schema, Previous>): EventContract<Type, Version, Schema> {
  const { type, version, schema, upcastFrom } = definition;
  if (!type) throw new InvalidEventContract(type, 'the event type must not be empty');
  if (!Number.isInteger(version) || version < 1) throw new InvalidEventContract(type, `version ${version} is not a positive integer`);
  if (upcastFrom) {
    const previous = upcastFrom.contract;
    // The chain must be walkable one step at a time, or some stored version has no way forward.
    if (previous.type !== type) throw new InvalidEventContract(type, `v${version} cannot upcast from another type (${previous.type})`);
    if (previous.version !== version - 1) {
      throw new InvalidEventContract(type, `v${version} must upcast from v${version - 1}, not v${previous.version}`);
    }
  }
  return Object.freeze({
    type,
    version,
    schema,
    upcastFrom: upcastFrom as UpcastFrom<EventContract<Type>, Schema> | undefined,
    create: (data: z.input<Schema>) => Object.freeze({ type, schemaVersion: version, data: parseEventData(schema, data, type, version) }),
  });
}
