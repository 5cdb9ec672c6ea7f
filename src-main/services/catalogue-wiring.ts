import type { DB } from '../db/connection'
import { loadAdminUnits, type AdminUnits } from './admin-units-service'
import type { CriteriaService } from './criteria-service'
import { createDossierService, createFileStore, type DossierService } from './dossier-service'
import { createProducerService, type ProducerService } from './producer-service'
import { createProductService, type ProductService, type SetInfo, type SetLookup } from './product-service'
import type { SettingsStore } from './settings-service'

/** The catalogue's services as the handlers and the import use case receive them. */
export interface CatalogueDeps {
  db: DB
  units: AdminUnits
  sets: SetLookup
  settings: SettingsStore
  producers: ProducerService
  products: ProductService
  dossier: DossierService
  now: () => Date
}

/** Criteria sets by id, for labels and the samples rule; unknown ids give undefined. */
export function setLookup(criteria: CriteriaService): SetLookup {
  const byId = new Map<string, SetInfo>()
  for (const s of criteria.list()) {
    const set = criteria.get(s.id).set
    byId.set(s.id, { no: set.no, name: set.name, requiresSamples: set.requiresSamples })
  }
  return (id) => byId.get(id)
}

/** Builds the catalogue's services (producers, products, dossiers) for createCore. */
export function createCatalogueServices(o: {
  db: DB
  resourcesDir: string
  dataDir: string
  criteria: CriteriaService
  settings: SettingsStore
  now?: (() => Date) | undefined
}): CatalogueDeps {
  const now = o.now ?? (() => new Date())
  // Planner statistics keep the filtered lists on the selective index (commune, set) after bulk imports;
  // SQLite's recommended start-up form analyses only tables that changed a lot, so it is cheap.
  o.db.pragma('optimize=0x10002')
  const units = loadAdminUnits(o.resourcesDir)
  const sets = setLookup(o.criteria)
  const deps = { units, sets }
  return {
    db: o.db,
    units,
    sets,
    settings: o.settings,
    now,
    producers: createProducerService(o.db, units, now),
    products: createProductService(o.db, deps, now),
    dossier: createDossierService(o.db, sets, createFileStore(o.dataDir), now)
  }
}
