#!/usr/bin/env node
// Runs a command on Node 24, the LTS the project is built for, even on a machine whose own Node
// is older (Debian ships Node 20, past its end of life in April 2026). `npm run demo`, `npm test`
// and `.ci/run` go through this, so the README's two commands need nothing but npm:
//
//   node scripts/on-node-24.mjs <command> [args…]
//
// When the running Node is older than 24, the official Node 24 binary is installed once from the
// npm registry package `node-<platform>-<arch>` (a registry package that ships the binary) into
// .tools/ (git-ignored), and the command runs with that folder first on PATH, so `node`, `npm`
// (npm's launcher starts `node` from PATH) and every process the command spawns run on Node 24.
// OEFENKANSEN_NODE=system runs the command on the machine's own Node instead: CI runs the suite
// that way too, to keep it passing on both.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '24.22.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/on-node-24.mjs <command> [args…]');
  process.exit(2);
}

const major = Number(process.versions.node.split('.')[0]);
const env = { ...process.env };
if (major < 24 && process.env.OEFENKANSEN_NODE !== 'system') {
  env.PATH = `${dirname(installedNode24())}${delimiter}${env.PATH ?? ''}`;
}

const child = spawn(command, args, { stdio: 'inherit', env, cwd: process.cwd() });
// Ctrl-C reaches the whole foreground process group (the command too) from the terminal; a
// SIGTERM or SIGINT sent to this process alone is handed on, so the command can stop gracefully.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + signalNumber(signal) : 1)));

function installedNode24() {
  const packageName = `node-${process.platform}-${process.arch}`;
  const folder = join(root, '.tools', `node-${NODE_VERSION}`);
  const binary = join(folder, 'node_modules', packageName, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(binary)) return binary;
  console.log(`Node ${process.versions.node} is older than 24: installing Node ${NODE_VERSION} (npm package ${packageName}) into .tools/ once …`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    execFileSync(
      npm,
      ['install', '--prefix', folder, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${packageName}@${NODE_VERSION}`],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  } catch {
    console.error(
      `Could not install ${packageName}@${NODE_VERSION} from the npm registry. Install Node 24 yourself, or run on this Node with OEFENKANSEN_NODE=system.`,
    );
    process.exit(1);
  }
  if (!existsSync(binary)) {
    console.error(`${packageName}@${NODE_VERSION} did not bring ${binary}.`);
    process.exit(1);
  }
  return binary;
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
}
