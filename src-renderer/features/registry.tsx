import { lazy, type ComponentType } from 'react'

export interface NavItem {
  id: string
  /** The area's address (`#/<path>`); its records live below it (`#/products/42`). */
  path: string
  /** i18n key in the common namespace. */
  label: string
  /** null while the area is not built yet: shown, marked "Chưa có", and explains itself instead of an empty page. */
  page: ComponentType | null
  /** Routed but not listed in the navigation (Thiết lập ban đầu, reached from the dashboard on an empty database). */
  hidden?: boolean
}

// Each area is its own chunk, loaded when first opened: the charts, documents, signing and import screens stay out
// of the start-up bundle (issue 15, renderer ≤ 600 KB gzip initially).
const FirstRunPage = lazy(() => import('./first-run/FirstRunPage').then((m) => ({ default: m.FirstRunPage })))
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })))
const SessionsPage = lazy(() => import('./sessions/SessionsPage').then((m) => ({ default: m.SessionsPage })))
const ProductsPage = lazy(() => import('./products/ProductsPage').then((m) => ({ default: m.ProductsPage })))
const ProducersPage = lazy(() => import('./producers/ProducersPage').then((m) => ({ default: m.ProducersPage })))
const CouncilsPage = lazy(() => import('./councils/CouncilsPage').then((m) => ({ default: m.CouncilsPage })))
const CriteriaPage = lazy(() => import('./criteria/CriteriaPage').then((m) => ({ default: m.CriteriaPage })))
const ReportsPage = lazy(() => import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })))
const InspectionsPage = lazy(() => import('./inspections/InspectionsPage').then((m) => ({ default: m.InspectionsPage })))
const VerifyPage = lazy(() => import('./verify/VerifyPage').then((m) => ({ default: m.VerifyPage })))
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })))

/** The app's areas in menu order (issue 2 §8). */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', path: '/', label: 'nav.dashboard', page: DashboardPage },
  { id: 'rounds', path: '/rounds', label: 'nav.rounds', page: SessionsPage },
  { id: 'products', path: '/products', label: 'nav.products', page: ProductsPage },
  { id: 'producers', path: '/producers', label: 'nav.producers', page: ProducersPage },
  { id: 'councils', path: '/councils', label: 'nav.councils', page: CouncilsPage },
  { id: 'criteria', path: '/criteria', label: 'nav.criteria', page: CriteriaPage },
  { id: 'reports', path: '/reports', label: 'nav.reports', page: ReportsPage },
  { id: 'inspections', path: '/inspections', label: 'nav.inspections', page: InspectionsPage },
  { id: 'verify', path: '/verify', label: 'nav.verify', page: VerifyPage },
  { id: 'settings', path: '/settings', label: 'nav.settings', page: SettingsPage },
  { id: 'setup', path: '/setup', label: 'nav.setup', page: FirstRunPage, hidden: true }
]

/** The area an address belongs to: the longest area path that is the address or a prefix of it. */
export function areaOf(location: string, items: readonly NavItem[] = NAV_ITEMS): NavItem | null {
  let best: NavItem | null = null
  for (const n of items) {
    const hit = n.path === '/' ? location === '/' : location === n.path || location.startsWith(`${n.path}/`)
    if (hit && (!best || n.path.length > best.path.length)) best = n
  }
  return best
}
