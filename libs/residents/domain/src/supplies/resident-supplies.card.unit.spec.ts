import { deciderSpecification } from '@gridcare/decider/testing';
import { residentSuppliesDecider } from './resident-supplies.decider';
import { cardId, cardIssued, GREEN_RESIDENT, issueCard, RED_RESIDENT } from './testing/supplies-fixtures';

const spec = deciderSpecification(residentSuppliesDecider);

describe('IssueContactServiceCard', () => {
  it('issues a card with the community phone, the family doctor hotline and 120 for emergencies', () => {
    spec.given([]).when(issueCard()).then([cardIssued()]);
  });

  it('records the community the resident lives in when it is issued', () => {
    spec
      .given([])
      .when(issueCard({ resident: { ...RED_RESIDENT, communityId: 'jinsong' } }))
      .then([cardIssued({ communityId: 'jinsong' })]);
  });

  it('takes another emergency number when the community gives one', () => {
    spec.given([]).when(issueCard({ emergencyNumber: '999' })).then([cardIssued({ emergencyNumber: '999' })]);
  });

  it('a reissue replaces the card in force and names it', () => {
    spec
      .given([cardIssued(), cardIssued({ cardId: cardId(2), replacesCardId: cardId(1) })])
      .when(issueCard({ cardId: cardId(3), communityPhone: '010-6888 4321' }))
      .then([cardIssued({ cardId: cardId(3), replacesCardId: cardId(2), communityPhone: '010-6888 4321' })]);
  });

  it('is for yellow residents, and for green residents who live alone', () => {
    spec
      .given([])
      .when(issueCard({ resident: { ...RED_RESIDENT, tier: 'yellow' } }))
      .then([cardIssued({ tier: 'yellow' })]);
    spec
      .given([])
      .when(issueCard({ resident: { ...GREEN_RESIDENT, livingAlone: true } }))
      .then([cardIssued({ tier: 'green', livingAlone: true })]);
  });

  describe('refuses', () => {
    it('a resident not in the registry', () => {
      spec.given([]).when(issueCard({ resident: null })).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
    });

    it('a green resident who does not live alone, naming the tier', () => {
      spec.given([]).when(issueCard({ resident: GREEN_RESIDENT })).thenThrows({ code: 'NOT_A_KEY_RESIDENT', details: { tier: 'green' } });
    });

    it('a resident not yet triaged who does not live alone', () => {
      spec
        .given([])
        .when(issueCard({ resident: { ...GREEN_RESIDENT, tier: null } }))
        .thenThrows({ code: 'NOT_A_KEY_RESIDENT', details: { tier: null } });
    });

    it.each([
      ['communityPhone', { communityPhone: 'call the office' }],
      ['communityPhone', { communityPhone: '12' }],
      ['familyDoctorHotline', { familyDoctorHotline: '010--6888' }],
      ['familyDoctorHotline', { familyDoctorHotline: '' }],
      ['emergencyNumber', { emergencyNumber: '1 2 0 ' }],
      ['emergencyNumber', { emergencyNumber: '+86 10 1234 5678 9012 3' }],
    ])('a %s that is not a phone number, naming the field', (field, numbers) => {
      spec.given([]).when(issueCard(numbers)).thenThrows({ code: 'PHONE_NUMBER_INVALID', details: { field } });
    });
  });

  it('accepts the ways numbers are written', () => {
    for (const number of ['120', '01068881234', '010-6888-1234', '+86 10 6888 1234', '400 810 5678']) {
      expect(() => residentSuppliesDecider.decide(issueCard({ communityPhone: number }), residentSuppliesDecider.initialState())).not.toThrow();
    }
  });
});
