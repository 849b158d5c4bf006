module.exports = {
  ...require('../../jest.preset.pure.js'),
  displayName: 'rule-language',
  rootDir: __dirname,
};
