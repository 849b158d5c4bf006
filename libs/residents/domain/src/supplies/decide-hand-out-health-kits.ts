import { HEALTH_KITS_PER_HAND_OUT, HealthKitsHandedOut } from '@gridcare/residents-contracts';
import { residentEvent } from '../resident/resident-events';
import { HandOutHealthKits } from './supplies-commands';
import { refuseSupply } from './supplies-errors';
import { ResidentSuppliesEvent } from './supplies-events';

export function decideHandOutHealthKits(command: HandOutHealthKits): ResidentSuppliesEvent[] {
  if (command.resident === null) throw refuseSupply('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  const { min, max } = HEALTH_KITS_PER_HAND_OUT;
  if (!Number.isInteger(command.kits) || command.kits < min || command.kits > max) {
    throw refuseSupply('HEALTH_KITS_OUT_OF_RANGE', `kits: hand out ${min} to ${max} health kits at a time`, { field: 'kits', min, max });
  }
  return [residentEvent(HealthKitsHandedOut, { residentId: command.residentId, communityId: command.resident.communityId, kits: command.kits })];
}
