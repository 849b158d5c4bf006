import { facilityDecider } from '@gridcare/referrals-domain';
import { fixtureNetwork } from '../testing/network-fixtures';
import { citySeed } from './city-grid-file';
import { decideInTurn } from './decide-in-turn';

describe('a city grid file as seeding commands', () => {
  it('groups the events by stream, in the file order, as the commands that decide them', () => {
    const seed = citySeed(fixtureNetwork());
    expect(seed.grids.map((grid) => grid.streamId)).toEqual(['grid-g01', 'grid-g02', 'grid-g03']);
    const hospital = seed.facilities.find((facility) => facility.streamId === 'facility-sh-g01-1');
    expect(hospital?.commands.map((command) => command.type)).toEqual(['RegisterFacility', 'ChangeFacilityCapacity']);
  });

  it('decides a stream whole: a registration and its first capacity report', () => {
    const [, , hospital] = citySeed(fixtureNetwork()).facilities;
    const events = decideInTurn(facilityDecider).decide(hospital.commands, facilityDecider.initialState());
    expect(events.map((event) => event.type)).toEqual(['FacilityRegistered', 'FacilityCapacityChanged']);
  });

  it('refuses events a city grid does not have', () => {
    expect(() => citySeed([{ streamId: 'referral-1', type: 'ReferralRequested', schemaVersion: 1, data: {} }])).toThrow('stream referral-1: a city grid has no ReferralRequested events');
  });
});
