module.exports = {
  ...require('../../../jest.preset.pure.js'),
  displayName: 'referrals-domain',
  rootDir: __dirname,
};
