import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The shell serves the built folder at tauri://localhost; no dev server is needed.
export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components (and their CSS) are imported by the screens that use them
    // instead of registering the whole library at start: the first screen loads and
    // parses a fraction of the code, and the web process holds less.
    Components({
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
  ],
  base: './',
  build: {
    target: 'safari15',
    chunkSizeWarningLimit: 2000,
    outDir: 'dist',
    emptyOutDir: true,
  },
})
