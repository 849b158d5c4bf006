import { FingerOximeterHandedOut, FingerOximeterReturned, SerialNumber } from '@gridcare/residents-contracts';
import { residentEvent } from '../resident/resident-events';
import { HandOutFingerOximeter, RecordFingerOximeterReturned } from './supplies-commands';
import { checkField, refuseSupply } from './supplies-errors';
import { ResidentSuppliesEvent } from './supplies-events';
import { ResidentSuppliesState } from './resident-supplies-state';

const serialNumberOf = (value: string) => checkField(SerialNumber, value, 'serialNumber', 'SERIAL_NUMBER_INVALID');

/** Oximeters are few (45,000 for a city): one per resident until it is recorded returned. */
export function decideHandOutFingerOximeter(command: HandOutFingerOximeter, state: ResidentSuppliesState): ResidentSuppliesEvent[] {
  if (command.resident === null) throw refuseSupply('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  const serialNumber = serialNumberOf(command.serialNumber);
  if (state.fingerOximeter !== null) {
    throw refuseSupply('FINGER_OXIMETER_ALREADY_HELD', `the resident already holds finger oximeter ${state.fingerOximeter.serialNumber}; record it returned first`, {
      heldSerialNumber: state.fingerOximeter.serialNumber,
    });
  }
  return [residentEvent(FingerOximeterHandedOut, { residentId: command.residentId, communityId: command.resident.communityId, serialNumber })];
}

export function decideRecordFingerOximeterReturned(command: RecordFingerOximeterReturned, state: ResidentSuppliesState): ResidentSuppliesEvent[] {
  const serialNumber = serialNumberOf(command.serialNumber);
  const held = state.fingerOximeter;
  if (held === null || held.serialNumber !== serialNumber) {
    throw refuseSupply('FINGER_OXIMETER_NOT_HELD', `serialNumber: the resident does not hold finger oximeter ${serialNumber}`, {
      field: 'serialNumber',
      heldSerialNumber: held?.serialNumber ?? null,
    });
  }
  return [residentEvent(FingerOximeterReturned, { residentId: command.residentId, communityId: held.communityId, serialNumber })];
}
