import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      target: 'node20',
      lib: { entry: { index: resolve(__dirname, 'src-main/index.ts'), server: resolve(__dirname, 'src-main/server.ts'), 'render-worker': resolve(__dirname, 'src-main/documents/render-worker.ts'), 'read-worker': resolve(__dirname, 'src-main/services/import/read-worker.ts'), 'export-worker': resolve(__dirname, 'src-main/exports/export-worker.ts') } }
    }
  },
  preload: {
    build: { lib: { entry: resolve(__dirname, 'src-main/preload.ts') } }
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') }
    },
    plugins: [react()]
  }
})
