#!/usr/bin/env node
// Installs the workspace's dependencies when they are missing or older than the lock file,
// so `npm start` and `npm test` work on a fresh clone with nothing but Node and npm.
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const stale = (file) => fs.statSync(path.join(root, file)).mtimeMs > fs.statSync(installed).mtimeMs;

const generatePrismaClients = () => execSync(`node ${path.join('tools', 'scripts', 'prisma-generate.js')} --if-changed`, { cwd: root, stdio: 'inherit' });
if (fs.existsSync(installed) && !stale('package-lock.json') && !stale('package.json')) {
  generatePrismaClients();
  process.exit(0);
}
// Not `npm ci`: npm 11 reports the lock file out of sync for @unrs/resolver's optional
// platform packages even right after `npm install` wrote it. `npm install` honours the lock.
const command = 'npm install --no-audit --no-fund';
console.log(`gridcare: installing dependencies (${command})`);
execSync(command, { cwd: root, stdio: 'inherit' });
// npm leaves the marker alone when nothing changed; touch it so the next run skips the install.
const now = new Date();
fs.utimesSync(installed, now, now);
