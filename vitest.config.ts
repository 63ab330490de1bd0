import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

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
          include: ['test/renderer/**/*.test.ts']
        }
      }
    ]
  }
})
