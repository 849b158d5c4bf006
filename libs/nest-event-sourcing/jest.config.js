module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'nest-event-sourcing',
  rootDir: __dirname,
};
