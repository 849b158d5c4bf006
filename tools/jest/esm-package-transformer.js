// Compiles an ES-module-only package (jose) to CommonJS for jest on Node 20, keeping modern
// JavaScript as it is (ES2022 class fields and all): only `import`/`export` are rewritten.
const crypto = require('node:crypto');
const ts = require('typescript');

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  useDefineForClassFields: true,
  allowJs: true,
  sourceMap: false,
};

module.exports = {
  process(sourceText, sourcePath) {
    return { code: ts.transpileModule(sourceText, { compilerOptions, fileName: sourcePath }).outputText };
  },
  getCacheKey(sourceText, sourcePath) {
    return crypto.createHash('sha256').update(`esm-package-transformer-1\0${sourcePath}\0${sourceText}`).digest('hex');
  },
};
