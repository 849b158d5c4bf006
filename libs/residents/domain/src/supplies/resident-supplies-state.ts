import { ResidentSuppliesEvent } from './supplies-events';

export interface FingerOximeterHeld {
  readonly serialNumber: string;
  /** Where it was handed out: its return is counted there. */
  readonly communityId: string;
}

/** What decide needs: the card in force (a reissue names it) and the oximeter held, if any. */
export interface ResidentSuppliesState {
  readonly cardInForce: { readonly cardId: string } | null;
  readonly fingerOximeter: FingerOximeterHeld | null;
}

export const initialResidentSuppliesState = (): ResidentSuppliesState => ({ cardInForce: null, fingerOximeter: null });

export function evolveResidentSupplies(state: ResidentSuppliesState, event: ResidentSuppliesEvent): ResidentSuppliesState {
  switch (event.type) {
    case 'ContactServiceCardIssued':
      return { ...state, cardInForce: { cardId: event.data.cardId } };
    case 'HealthKitsHandedOut':
      return state;
    case 'FingerOximeterHandedOut':
      return { ...state, fingerOximeter: { serialNumber: event.data.serialNumber, communityId: event.data.communityId } };
    case 'FingerOximeterReturned':
      return { ...state, fingerOximeter: null };
  }
}
