import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// `npx vitest` on a Node too old for node:sqlite: one sentence, not dozens of test files with "0 test".
createRequire(import.meta.url)('./scripts/check-node.cjs').exitIfTooOld()

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{main,shared,preload,simulator,headless,scripts,examples}/**/*.test.ts'],
          // node:sqlite's one ExperimentalWarning per worker would spam the test log.
          setupFiles: ['src/main/quiet-sqlite-warning.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // electron-store imports 'electron'; inline it so vi.mock('electron') reaches it.
          server: { deps: { inline: ['electron-store'] } }
        }
      },
      {
        // Needs `electron-vite build` first (out/renderer, out/preload) and /usr/bin/chromium.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          setupFiles: ['src/main/quiet-sqlite-warning.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          server: { deps: { inline: ['electron-store'] } }
        }
      },
      {
        plugins: [vue()],
        resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup-pinyin.ts'],
          // Mounting the whole app takes seconds on a loaded 2-core machine: 5 s (the default) failed there.
          testTimeout: 30_000,
          // One happy-dom per worker instead of one per file (it was half the project's time); files stay
          // isolated from each other (each runs in its own VM context).
          pool: 'vmThreads',
          include: ['test/renderer/**/*.test.ts']
        }
      }
    ]
  }
})
