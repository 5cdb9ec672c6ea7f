import type { ComponentType } from 'react'
import { CouncilsPage } from './councils/CouncilsPage'
import { CriteriaPage } from './criteria/CriteriaPage'
import { DashboardPage } from './dashboard/DashboardPage'
import { InspectionsPage } from './inspections/InspectionsPage'
import { ReportsPage } from './reports/ReportsPage'
import { ProducersPage } from './producers/ProducersPage'
import { ProductsPage } from './products/ProductsPage'
import { SessionsPage } from './sessions/SessionsPage'
import { SettingsPage } from './settings/SettingsPage'
import { VerifyPage } from './verify/VerifyPage'

export interface NavItem {
  id: string
  /** i18n key in the common namespace. */
  label: string
  /** null while the area is not built yet: shown, marked "Chưa có", and explains itself instead of an empty page. */
  page: ComponentType | null
}

/** The app's areas in menu order (issue 2 §8). */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', label: 'nav.dashboard', page: DashboardPage },
  { id: 'rounds', label: 'nav.rounds', page: SessionsPage },
  { id: 'products', label: 'nav.products', page: ProductsPage },
  { id: 'producers', label: 'nav.producers', page: ProducersPage },
  { id: 'councils', label: 'nav.councils', page: CouncilsPage },
  { id: 'criteria', label: 'nav.criteria', page: CriteriaPage },
  { id: 'reports', label: 'nav.reports', page: ReportsPage },
  { id: 'inspections', label: 'nav.inspections', page: InspectionsPage },
  { id: 'verify', label: 'nav.verify', page: VerifyPage },
  { id: 'settings', label: 'nav.settings', page: SettingsPage }
]
