module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'residents',
  rootDir: __dirname,
};
