import { deciderSpecification } from '@gridcare/decider/testing';
import { EventContractViolation } from '@gridcare/event-contracts';
import { facilityDecider } from './facility.decider';
import { facilityRegistered, registerFacility } from './testing/facility-fixtures';

const spec = deciderSpecification(facilityDecider);

describe('RegisterFacility', () => {
  it('registers a facility with its kind, level, location and capabilities', () => {
    spec.given([]).when(registerFacility()).then([facilityRegistered()]);
  });

  it('registers a grassroots institution with the communities it serves', () => {
    const clinic = { facilityId: 'vc-d13-s020-c041', kind: 'village-clinic' as const, level: 'grassroots' as const, capabilities: [], communityIds: ['d13-s020-c041'] };
    spec.given([]).when(registerFacility(clinic)).then([facilityRegistered(clinic)]);
  });

  it('does nothing when the same facility is registered again with the same details (seeding re-run)', () => {
    spec.given([facilityRegistered()]).when(registerFacility()).then([]);
  });

  it('refuses other details for a facility already registered', () => {
    spec.given([facilityRegistered()]).when(registerFacility({ name: 'Shougang Hospital' })).thenThrows({ code: 'FACILITY_ALREADY_REGISTERED', details: { facilityId: 'h-g07' } });
  });

  it('refuses a level that does not match the kind, naming the field', () => {
    spec.given([]).when(registerFacility({ level: 'second-level' })).thenThrows(EventContractViolation);
    spec.given([]).when(registerFacility({ level: 'second-level' })).thenThrows(/level: a tertiary-hospital is tertiary/);
  });
});
