import { createApp } from 'vue'
// Components come with their own CSS where a screen uses them (vite.config.ts); these
// are called from scripts, so their CSS is loaded here.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/loading/style/css'
import './style.css'
import App from './App.vue'
import { i18n, LOCALES, type Locale } from './i18n'
import { router } from './router'
import { loadInfo } from './session'
import { showError } from './errors'

async function start() {
  try {
    const info = await loadInfo()
    if (LOCALES.includes(info.language as Locale)) i18n.global.locale.value = info.language as Locale
  } catch (e) {
    showError(e)
  }
  const app = createApp(App).use(i18n).use(router)
  // Nothing fails silently: an error no screen caught still reaches the clerk, in words.
  app.config.errorHandler = (e) => showError(e)
  window.addEventListener('unhandledrejection', (e) => showError(e.reason))
  // Mount once the first screen is known: mounted before, the window would first
  // render the whole signed-in shell (menu, header, language picker) for a route not
  // yet resolved, then throw it away for the sign-in screen.
  await router.isReady().catch(showError)
  app.mount('#app')
}

start()
