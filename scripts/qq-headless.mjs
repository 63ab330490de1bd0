#!/usr/bin/env node
// `npx qq-headless …` (package.json's bin): the headless JSON-lines mode for programs. Unlike
// `npm run headless`, npm prints no banner around a bin, so stdout carries nothing but JSON lines.
// The same as `node scripts/run-built.mjs headless …`: checks Node, builds out/ on demand (build
// output on stderr), then runs out/main/headless.js with the arguments given.
process.argv.splice(2, 0, 'headless')
await import('./run-built.mjs')
