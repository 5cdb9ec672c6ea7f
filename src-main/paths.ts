import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

/**
 * The OS user-data folder Electron would use for productName "OCOP Council", so the desktop app and browser mode
 * share one database by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const name = 'OCOP Council'
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), name)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), name)
}

/** resources/ next to the build output (out/main/../../resources) or in the repository when run from sources. */
export function findResourcesDir(from: string = __dirname): string {
  let dir = resolve(from)
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'criteria'))) return candidate
    dir = dirname(dir)
  }
  throw new Error(`resources/ not found above ${from}`)
}
