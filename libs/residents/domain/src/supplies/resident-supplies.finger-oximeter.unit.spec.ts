import { deciderSpecification } from '@gridcare/decider/testing';
import { residentSuppliesDecider } from './resident-supplies.decider';
import { handOutOximeter, oximeterHandedOut, recordReturned, RESIDENT_ID } from './testing/supplies-fixtures';

const spec = deciderSpecification(residentSuppliesDecider);
const returned = (serialNumber: string, communityId = 'xiazhuang') => ({
  type: 'FingerOximeterReturned' as const,
  data: { residentId: RESIDENT_ID, communityId, serialNumber },
});

describe('finger oximeters', () => {
  describe('HandOutFingerOximeter', () => {
    it('hands one out by its serial number', () => {
      spec.given([]).when(handOutOximeter('OX-2026-00017')).then([oximeterHandedOut('OX-2026-00017')]);
    });

    it('hands out another once the first is recorded returned', () => {
      spec
        .given([oximeterHandedOut('OX-2026-00017'), returned('OX-2026-00017')])
        .when(handOutOximeter('OX-2026-00042'))
        .then([oximeterHandedOut('OX-2026-00042')]);
    });

    it('refuses a second while the resident holds one, naming the one held', () => {
      spec
        .given([oximeterHandedOut('OX-2026-00017')])
        .when(handOutOximeter('OX-2026-00042'))
        .thenThrows({ code: 'FINGER_OXIMETER_ALREADY_HELD', details: { heldSerialNumber: 'OX-2026-00017' } });
      spec.given([oximeterHandedOut('OX-2026-00017')]).when(handOutOximeter('OX-2026-00017')).thenThrows({ code: 'FINGER_OXIMETER_ALREADY_HELD' });
    });

    it.each(['', 'OX 17', '-OX17', 'OX--17', 'X'.repeat(65)])('refuses the serial number %p, naming the field', (serialNumber) => {
      spec.given([]).when(handOutOximeter(serialNumber)).thenThrows({ code: 'SERIAL_NUMBER_INVALID', details: { field: 'serialNumber' } });
    });

    it('refuses a resident not in the registry', () => {
      spec.given([]).when(handOutOximeter('OX-2026-00017', null)).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
    });
  });

  describe('RecordFingerOximeterReturned', () => {
    it('returns it to the community that handed it out, wherever the resident lives now', () => {
      spec
        .given([oximeterHandedOut('OX-2026-00017', 'jinsong')])
        .when(recordReturned('OX-2026-00017'))
        .then([returned('OX-2026-00017', 'jinsong')]);
    });

    it('refuses a serial number the resident does not hold', () => {
      spec
        .given([oximeterHandedOut('OX-2026-00017')])
        .when(recordReturned('OX-2026-00042'))
        .thenThrows({ code: 'FINGER_OXIMETER_NOT_HELD', details: { field: 'serialNumber', heldSerialNumber: 'OX-2026-00017' } });
      spec.given([]).when(recordReturned('OX-2026-00017')).thenThrows({ code: 'FINGER_OXIMETER_NOT_HELD', details: { heldSerialNumber: null } });
      spec
        .given([oximeterHandedOut('OX-2026-00017'), returned('OX-2026-00017')])
        .when(recordReturned('OX-2026-00017'))
        .thenThrows({ code: 'FINGER_OXIMETER_NOT_HELD' });
    });
  });

  it('knows the oximeter held and where it was handed out', () => {
    const state = [oximeterHandedOut('OX-1', 'jinsong')].reduce(residentSuppliesDecider.evolve, residentSuppliesDecider.initialState());
    expect(state.fingerOximeter).toEqual({ serialNumber: 'OX-1', communityId: 'jinsong' });
  });
});
