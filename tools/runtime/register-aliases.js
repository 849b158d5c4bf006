// Preloaded with `node -r` before a compiled service starts: maps the workspace's
// `@gridcare/*` imports onto the compiled libraries next to the app in its dist folder
// (tsc keeps the import specifiers as written). Paths come from tsconfig.base.json.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');

function findUp(start, test) {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (test(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const main = path.resolve(process.argv[1] || '.');
// The compiled tree keeps the repository layout: <distRoot>/apps/<app>/src/main.js, <distRoot>/libs/...
const distRoot = findUp(path.dirname(main), (dir) => fs.existsSync(path.join(dir, 'libs')) && fs.existsSync(path.join(dir, 'apps')));
const tsconfig = findUp(__dirname, (dir) => fs.existsSync(path.join(dir, 'tsconfig.base.json')));
if (distRoot && tsconfig) {
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(tsconfig, 'tsconfig.base.json'), 'utf8'));
  const paths = {};
  for (const [alias, targets] of Object.entries(compilerOptions.paths || {})) {
    paths[alias] = targets.map((target) => target.replace(/\.ts$/, '.js'));
  }
  tsconfigPaths.register({ baseUrl: distRoot, paths, addMatchAll: false });
}
