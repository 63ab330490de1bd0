import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'

/**
 * The dev server injects inline styles and talks to its HMR websocket; relax the CSP for
 * `electron-vite dev` ONLY. Production builds keep index.html's strict policy untouched.
 */
function devCsp(): Plugin {
  return {
    name: 'dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'none'", "connect-src 'self' ws: http://localhost:*")
  }
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // One main-process build, three entry points: the Electron shell, the headless
        // JSON-lines engine and the standalone protocol simulator (the last two run in plain Node).
        input: {
          index: resolve('src/main/index.ts'),
          headless: resolve('src/main/headless/cli.ts'),
          // `npm run demo:headless`: the headless mode against the built-in demo server, one process.
          'demo-headless': resolve('src/main/headless/demo-cli.ts'),
          simulator: resolve('src/simulator/cli.ts')
        },
        // node:sqlite is a Node built-in (also in Electron's Node); never bundle it.
        external: ['node:sqlite']
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload may only require('electron'): bundle everything into one CJS file.
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
    plugins: [vue(), devCsp()],
    // Minified: the window parses less before its first paint (electron-vite leaves the renderer as it is).
    build: { minify: true }
  }
})
