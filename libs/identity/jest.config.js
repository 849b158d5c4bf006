module.exports = {
  ...require('../../jest.preset.pure.js'),
  displayName: 'identity',
  rootDir: __dirname,
};
