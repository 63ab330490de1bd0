#!/usr/bin/env node
// Node version preflight, run first by every npm script a person types (start, dev, test, demo…), by
// `npm install` (preinstall, for an npm that ignores package.json's devEngines) and by the scripts and
// examples run with plain `node`. Written in the oldest syntax on purpose (var, no arrow functions, no
// ?. or ??), in CommonJS: it must PARSE on Node 12+ so an old Node gets this sentence instead of a
// node:sqlite crash. The minimum is the first Node measured to work (README, "Requirements"): 22.12
// has node:sqlite only behind a flag; 22.13 to 22.15 work, their SQLite lacking FTS5 (search scans).
// package.json's engines, src/main/node-version.ts and .ci/run say the same (test/scripts/node-preflight.test.ts).
'use strict'

var MIN_MAJOR = 22
var MIN_MINOR = 13
var GET_NODE =
  'Get it without touching the system Node: npm install --prefix ~/.cache/qq-node-22 node@22, then put ' +
  '~/.cache/qq-node-22/node_modules/.bin first on PATH (or: nvm install 22); see README, "Try it".'

/** null when `version` (like "v22.13.0" or "20.11.1") is new enough, else the sentence to print. */
function checkNodeVersion(version) {
  var clean = String(version).replace(/^v/, '')
  var parts = clean.split('.')
  var major = parseInt(parts[0], 10)
  var minor = parseInt(parts[1] || '0', 10)
  var need = 'Node ' + MIN_MAJOR + '.' + MIN_MINOR + ' or newer is needed'
  if (isNaN(major)) return need + ' (could not read the version "' + version + '"). ' + GET_NODE
  if (major < MIN_MAJOR || (major === MIN_MAJOR && minor < MIN_MINOR)) return need + ' (you have ' + clean + '). ' + GET_NODE
  return null
}

/** Prints the sentence and exits 1 on a Node that is too old; the version may be overridden for tests. */
function exitIfTooOld() {
  var problem = checkNodeVersion(process.env.QQ_CHECK_NODE_AS || process.versions.node)
  if (problem) {
    process.stderr.write(problem + '\n')
    process.exit(1)
  }
}

module.exports = { checkNodeVersion: checkNodeVersion, exitIfTooOld: exitIfTooOld, MIN_VERSION: MIN_MAJOR + '.' + MIN_MINOR }

if (require.main === module) exitIfTooOld()
