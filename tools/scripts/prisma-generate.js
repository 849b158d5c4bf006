#!/usr/bin/env node
// Generates every Prisma client in the repository. Prisma 7's client generator runs
// offline; only the schema engine (migrate/diff) is missing on these machines, and
// `prisma generate` insists that its path exists, so point it at any file when unset.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const prismaBin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');

function findSchemas(dir, depth = 0) {
  if (depth > 4 || !fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const config = path.join(full, 'prisma.config.ts');
    if (fs.existsSync(config)) found.push(full);
    else found.push(...findSchemas(full, depth + 1));
  }
  return found;
}

if (!fs.existsSync(prismaBin)) {
  console.log('prisma-generate: prisma is not installed yet, skipping');
  process.exit(0);
}
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !fs.existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = 'true';
const projectDirs = [...findSchemas(path.join(root, 'apps')), ...findSchemas(path.join(root, 'libs'))];
// What the clients were generated from: `--if-changed` (npm test, npm start) regenerates only
// when a schema changed since, so a pulled or edited schema never meets a stale client.
const marker = path.join(root, 'node_modules', '.gridcare-prisma-schemas');
const fingerprint = projectDirs.map((dir) => `${path.relative(root, dir)}\n${fs.readFileSync(path.join(dir, 'prisma', 'schema.prisma'), 'utf8')}`).join('\n');
// Where each schema's generator writes its client (a deleted one must be generated again).
const outputs = projectDirs.flatMap((dir) => {
  const match = /^\s*output\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(dir, 'prisma', 'schema.prisma'), 'utf8'));
  return match ? [path.resolve(dir, 'prisma', match[1])] : [];
});
const upToDate = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === fingerprint && outputs.every((output) => fs.existsSync(output));
if (process.argv.includes('--if-changed') && upToDate) process.exit(0);
for (const projectDir of projectDirs) {
  const schema = fs.readFileSync(path.join(projectDir, 'prisma', 'schema.prisma'), 'utf8');
  if (!/^generator\s+\w+\s*\{/m.test(schema)) continue;
  // The config reads its URL with env(); generating a client needs no database.
  const config = fs.readFileSync(path.join(projectDir, 'prisma.config.ts'), 'utf8');
  for (const [, name] of config.matchAll(/env\('(\w+)'\)/g)) env[name] ??= 'postgresql://localhost/unused';
  console.log(`prisma-generate: ${path.relative(root, projectDir)}`);
  execFileSync(process.execPath, [prismaBin, 'generate'], { cwd: projectDir, env, stdio: 'inherit' });
}
fs.writeFileSync(marker, fingerprint);
