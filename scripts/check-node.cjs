#!/usr/bin/env node
// Node version preflight, run first by every npm script a person types (start, dev, test, demo…).
// Written in the oldest syntax on purpose (var, no arrow functions, no ?. or ??), in CommonJS:
// it must PARSE on Node 12+ so an old Node gets this sentence instead of a node:sqlite crash.
'use strict'

var MIN_MAJOR = 22
var MIN_MINOR = 12

/** null when `version` (like "v22.12.0" or "20.11.1") is new enough, else the sentence to print. */
function checkNodeVersion(version) {
  var clean = String(version).replace(/^v/, '')
  var parts = clean.split('.')
  var major = parseInt(parts[0], 10)
  var minor = parseInt(parts[1] || '0', 10)
  if (isNaN(major)) return 'Could not read the Node version (' + version + '); Node 22 or newer is needed; see README'
  if (major < MIN_MAJOR) return 'Node 22 or newer is needed (you have ' + clean + '); see README'
  if (major === MIN_MAJOR && minor < MIN_MINOR) return 'Node 22.12 or newer is needed (you have ' + clean + '); see README'
  return null
}

module.exports = { checkNodeVersion: checkNodeVersion }

if (require.main === module) {
  var problem = checkNodeVersion(process.versions.node)
  if (problem) {
    process.stderr.write(problem + '\n')
    process.exit(1)
  }
}
