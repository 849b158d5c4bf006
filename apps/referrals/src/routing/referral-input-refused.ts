/** A referral names something the network does not know (a community, a facility); nothing was written. */
export class ReferralInputRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ReferralInputRefused';
  }
}
