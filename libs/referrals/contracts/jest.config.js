module.exports = {
  ...require('../../../jest.preset.pure.js'),
  displayName: 'referrals-contracts',
  rootDir: __dirname,
};
