import { ContactServiceCardIssued, PhoneNumber } from '@gridcare/residents-contracts';
import { residentEvent } from '../resident/resident-events';
import { IssueContactServiceCard, ResidentInRegistry } from './supplies-commands';
import { checkField, refuseSupply } from './supplies-errors';
import { ResidentSuppliesEvent } from './supplies-events';
import { ResidentSuppliesState } from './resident-supplies-state';

/** The emergency medical service number a card gives unless the community writes another. */
export const EMERGENCY_NUMBER = '120';

/**
 * Cards are for key groups: red and yellow residents, and anyone living alone whatever their
 * tier (a daily greeting is owed to them). A resident not yet triaged is not known to be key.
 */
export function mayHoldContactServiceCard(resident: ResidentInRegistry): boolean {
  return resident.tier === 'red' || resident.tier === 'yellow' || resident.livingAlone;
}

export function decideIssueContactServiceCard(command: IssueContactServiceCard, state: ResidentSuppliesState): ResidentSuppliesEvent[] {
  const { resident } = command;
  if (resident === null) throw refuseSupply('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  if (!mayHoldContactServiceCard(resident)) {
    throw refuseSupply('NOT_A_KEY_RESIDENT', `contact service cards are for key residents; this resident is ${resident.tier ?? 'not triaged'} and does not live alone`, {
      tier: resident.tier,
    });
  }
  const phone = (value: string, field: string) => checkField(PhoneNumber, value, field, 'PHONE_NUMBER_INVALID');
  return [
    residentEvent(ContactServiceCardIssued, {
      residentId: command.residentId,
      cardId: command.cardId,
      communityId: resident.communityId,
      communityPhone: phone(command.communityPhone, 'communityPhone'),
      familyDoctorHotline: phone(command.familyDoctorHotline, 'familyDoctorHotline'),
      emergencyNumber: phone(command.emergencyNumber ?? EMERGENCY_NUMBER, 'emergencyNumber'),
      issuedOn: command.issuedOn,
      replacesCardId: state.cardInForce?.cardId ?? null,
      tier: resident.tier,
      livingAlone: resident.livingAlone,
    }),
  ];
}
