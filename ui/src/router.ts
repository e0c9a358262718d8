import { createRouter, createWebHashHistory } from 'vue-router'
import { session } from './session'

const dashboard = () => import('./views/DashboardView.vue')

/** Fetches the dashboard's code while the clerk picks their name, so signing in shows it
 * without waiting for it to load. */
export function preloadDashboard() {
  dashboard().catch(() => undefined)
}

const routes = [
  { path: '/', redirect: '/dashboard' },
  { path: '/setup', component: () => import('./views/SetupView.vue'), meta: { open: true } },
  { path: '/sign-in', component: () => import('./views/SignInView.vue'), meta: { open: true } },
  { path: '/upgrading', component: () => import('./views/UpgradingView.vue'), meta: { open: true } },
  { path: '/recovery', component: () => import('./views/RecoveryView.vue'), meta: { open: true } },
  // Open before sign-in too: F1 on the sign-in screen shows how to begin.
  { path: '/help', component: () => import('./views/HelpView.vue'), meta: { open: true } },
  { path: '/access-log', component: () => import('./views/AccessLogView.vue') },
  { path: '/dashboard', component: dashboard },
  { path: '/register', component: () => import('./views/RegisterView.vue') },
  { path: '/ledger', component: () => import('./views/LedgerView.vue') },
  { path: '/case/:number', component: () => import('./views/CaseView.vue'), props: true },
  { path: '/reports', component: () => import('./views/ReportsView.vue') },
  { path: '/settings', component: () => import('./views/SettingsView.vue') },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

// Nothing but set-up and sign-in is shown to nobody.
router.beforeEach((to) => {
  // An older ledger being brought up to date: only the waiting screen is shown.
  if (session.info?.upgrading) return to.path === '/upgrading' ? true : '/upgrading'
  // A ledger that could not be opened: only the way back is shown.
  if (session.info?.problem) return to.path === '/recovery' ? true : '/recovery'
  if (to.meta.open) return true
  if (session.info && !session.info.initialised) return '/setup'
  if (!session.staff) return '/sign-in'
  return true
})
