#!/usr/bin/env node
// `node scripts/update-screenshots.mjs`: copies the README's screenshots from the last e2e run
// (test-results/e2e/*.png, written by `npm test` or `npm run test:e2e`) into docs/screenshots/, under
// the names README.md links to. Run it after an e2e run that reflects the current UI, then commit.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const from = join(root, 'test-results', 'e2e')
const to = join(root, 'docs', 'screenshots')

/** README name -> e2e screenshot. Light and dark for each main view. */
export const SCREENSHOTS = {
  'login-light.png': 'ui-login-light-zh.png',
  'login-dark.png': 'ui-login-dark-zh.png',
  'contacts-light.png': 'ui-contacts-light-zh.png',
  // A real conversation: a busy group with its members panel, faces and a mention (narrow-layout e2e).
  'group-light.png': 'showcase-group-light-zh.png',
  'group-dark.png': 'showcase-group-dark-zh.png',
  'menu-dark.png': 'a11y-self-menu-dark-zh.png',
  'about-light.png': 'a11y-about-light-zh.png',
  'settings-dark-en.png': 'ui-settings-dark-en.png',
  'narrow-light-zh.png': 'narrow-group-light-zh-CN.png',
  'narrow-drawer-dark-en.png': 'narrow-members-drawer-dark-en.png',
  'quick-switcher-dark-en.png': 'ui-quick-switcher-dark-en.png'
}

const missing = Object.values(SCREENSHOTS).filter((name) => !existsSync(join(from, name)))
if (missing.length > 0) {
  process.stderr.write(`missing in test-results/e2e (run \`npm run test:e2e\` first): ${missing.join(', ')}\n`)
  process.exit(1)
}
mkdirSync(to, { recursive: true })
for (const [target, source] of Object.entries(SCREENSHOTS)) copyFileSync(join(from, source), join(to, target))
process.stderr.write(`copied ${Object.keys(SCREENSHOTS).length} screenshots into docs/screenshots/\n`)
