module.exports = {
  ...require('../../jest.preset.pure.js'),
  displayName: 'event-contracts',
  rootDir: __dirname,
};
