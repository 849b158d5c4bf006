module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'referrals',
  rootDir: __dirname,
};
