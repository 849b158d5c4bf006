import { readFileSync } from 'node:fs';
import { ChangeFacilityCapacity, DefineGrid, RegisterFacility } from '@gridcare/referrals-domain';

/** One line of a city grid file (tools/referrals/generate-city-grid.ts): an event for a stream. */
export interface SeedEvent {
  readonly streamId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

export type SeedCommand = RegisterFacility | ChangeFacilityCapacity | DefineGrid;

/** A stream to create, with the commands that build it, in the file's order. */
export interface SeedStream<C> {
  readonly streamId: string;
  readonly commands: C[];
}

export interface CitySeed {
  readonly facilities: SeedStream<RegisterFacility | ChangeFacilityCapacity>[];
  readonly grids: SeedStream<DefineGrid>[];
}

export function readCityGridFile(path: string): SeedEvent[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let event: Partial<SeedEvent>;
      try {
        event = JSON.parse(line) as Partial<SeedEvent>;
      } catch {
        throw new Error(`${path}:${number}: not JSON`);
      }
      if (typeof event.streamId !== 'string' || typeof event.type !== 'string' || typeof event.data !== 'object' || event.data === null) {
        throw new Error(`${path}:${number}: expected { streamId, type, schemaVersion, data }`);
      }
      return event as SeedEvent;
    });
}

/**
 * The seed's events as the commands that decide them, grouped by stream: seeding runs the
 * deciders, so the domain's rules hold for seed data too (the kind fixes the level, only an ICU
 * opens ICU beds, a grid's lead is one of its facilities).
 */
export function citySeed(events: readonly SeedEvent[]): CitySeed {
  const facilities = new Map<string, (RegisterFacility | ChangeFacilityCapacity)[]>();
  const grids = new Map<string, DefineGrid[]>();
  const add = <C>(streams: Map<string, C[]>, streamId: string, command: C) => streams.set(streamId, [...(streams.get(streamId) ?? []), command]);
  for (const { streamId, type, data } of events) {
    switch (type) {
      case 'FacilityRegistered':
        add(facilities, streamId, { type: 'RegisterFacility', ...(data as Omit<RegisterFacility, 'type'>) });
        break;
      case 'FacilityCapacityChanged':
        add(facilities, streamId, { type: 'ChangeFacilityCapacity', ...(data as Omit<ChangeFacilityCapacity, 'type'>) });
        break;
      case 'GridDefined':
        add(grids, streamId, { type: 'DefineGrid', ...(data as Omit<DefineGrid, 'type'>) });
        break;
      default:
        throw new Error(`stream ${streamId}: a city grid has no ${type} events`);
    }
  }
  const streams = <C>(byStream: Map<string, C[]>): SeedStream<C>[] => [...byStream].map(([streamId, commands]) => ({ streamId, commands }));
  return { facilities: streams(facilities), grids: streams(grids) };
}
