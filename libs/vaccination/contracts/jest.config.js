module.exports = {
  ...require('../../../jest.preset.pure.js'),
  displayName: 'vaccination-contracts',
  rootDir: __dirname,
};
