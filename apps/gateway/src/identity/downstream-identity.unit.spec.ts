import { downstreamIdentityHeaders } from './downstream-identity';

describe('downstreamIdentityHeaders', () => {
  it('passes the actor headers on, and nothing else', () => {
    const request = new Request('http://gateway/graphql', {
      headers: { 'x-gridcare-actor-id': 'dr-wang', 'x-gridcare-actor-role': 'family_doctor', cookie: 'session=1', authorization: 'Bearer x' },
    });
    expect(downstreamIdentityHeaders(request)).toEqual({ 'x-gridcare-actor-id': 'dr-wang', 'x-gridcare-actor-role': 'family_doctor' });
  });

  it('sends no identity when the client sent none', () => {
    expect(downstreamIdentityHeaders(new Request('http://gateway/graphql'))).toEqual({});
  });
});
