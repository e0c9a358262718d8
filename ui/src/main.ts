import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { i18n, LOCALES, type Locale } from './i18n'
import { router } from './router'
import { loadInfo } from './session'
import { api } from './api'
import { showError } from './errors'

async function start() {
  try {
    const info = await loadInfo()
    if (LOCALES.includes(info.language as Locale)) i18n.global.locale.value = info.language as Locale
  } catch (e) {
    showError(e)
  }
  const app = createApp(App).use(i18n).use(router).use(ElementPlus)
  // Nothing fails silently: an error no screen caught still reaches the clerk, in words.
  app.config.errorHandler = (e) => showError(e)
  window.addEventListener('unhandledrejection', (e) => showError(e.reason))
  app.mount('#app')
}

start()
