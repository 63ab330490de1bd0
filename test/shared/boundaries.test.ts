import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The architecture's import boundaries are lint rules; these cases prove each rule bites.
const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => m.ruleId ?? m.message)
}

describe('architecture boundaries (eslint)', () => {
  it.each([
    ['src/shared/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src/main/protocol/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/main/engine/x.ts', "import Store from 'electron-store'\nexport const a = Store"],
    // "Only shell/ and index.ts touch Electron", literally: not the root of src/main, not ipc/ or settings/.
    ['src/main/window.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/main/ipc/register.ts', "import { ipcMain } from 'electron'\nexport const a = ipcMain"],
    ['src/main/settings/settings-store.ts', "import Store from 'electron-store'\nexport const a = Store"],
    ['src/main/protocol/x.ts', "import { startSimulator } from '../../simulator'\nexport const a = startSimulator"],
    ['src/simulator/x.ts', "import { hash } from '../main/protocol/hash'\nexport const a = hash"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer"],
    ['src/renderer/src/x.ts', "import { createHandlers } from '../../main/ipc/app-handlers'\nexport const a = createHandlers"],
    ['src/preload/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"]
  ])('%s: forbidden import is an error', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports')
  })

  it.each([
    ['src/main/shell/window.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/main/index.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/simulator/x.ts', "import { FACE_ENTRIES } from '../shared/faces'\nexport const a = FACE_ENTRIES"],
    ['src/main/engine/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"]
  ])('%s: allowed import passes', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-imports')
  })

  it('forbids v-html in Vue components', async () => {
    const code = '<script setup lang="ts">\nconst t = "x"\n</script>\n<template><div v-html="t"></div></template>\n'
    expect(await ruleIds('src/renderer/src/components/X.vue', code)).toContain('vue/no-v-html')
  })
})
