import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The shell serves the built folder at tauri://localhost; no dev server is needed.
export default defineConfig({
  plugins: [vue()],
  base: './',
  build: {
    target: 'safari15',
    chunkSizeWarningLimit: 2000,
    outDir: 'dist',
    emptyOutDir: true,
  },
})
