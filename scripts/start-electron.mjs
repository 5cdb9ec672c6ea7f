#!/usr/bin/env node
/**
 * `npm start`: the desktop app.
 *
 *  1. `electron-vite build` → out/main, out/preload, out/renderer.
 *  2. Find (and on first use download) the Electron binary of the installed `electron` package.
 *  3. Build better-sqlite3 for Electron's ABI in a SEPARATE copy, .electron-native/node_modules/better-sqlite3
 *     (gitignored), with @electron/rebuild and `nodedir` removed from the environment (with nodedir set, node-gyp
 *     silently compiles against Node's headers: STACK.md §2.4). node_modules/better-sqlite3 keeps its Node build, so
 *     `npm test` still works afterwards. The copy is reused while Electron and better-sqlite3 versions are unchanged.
 *  4. Start `electron .` with OCOP_NATIVE_BINDING=<that .node>; src-main/db/connection.ts passes it to
 *     better-sqlite3's `nativeBinding` option only when running under Electron.
 *
 * Steps 2–4 need electronjs.org/GitHub (Electron binary, headers or prebuilds) the first time; on a machine without
 * that access the script stops with a clear message. Arguments after `npm start --` are passed to Electron.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const nativeDir = join(root, '.electron-native')
const copyDir = join(nativeDir, 'node_modules', 'better-sqlite3')
const rebuiltBinary = join(copyDir, 'build', 'Release', 'better_sqlite3.node')
const stampFile = join(nativeDir, 'stamp.json')

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
const step = (msg) => console.log(`\n[start] ${msg}`)
function fail(vi, en, detail) {
  console.error(`\n[start] ${vi}\n[start] ${en}`)
  if (detail) console.error(`[start] ${detail}`)
  process.exit(1)
}

/** Env for child tools: no nodedir or other npm_config overrides that would retarget node-gyp. */
function cleanEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i.test(key)) delete env[key]
  }
  delete env.ELECTRON_RUN_AS_NODE
  return env
}

function binOf(pkgName, binName) {
  const pkgJson = require.resolve(`${pkgName}/package.json`)
  const { bin } = readJson(pkgJson)
  return join(dirname(pkgJson), typeof bin === 'string' ? bin : bin[binName ?? pkgName])
}

// ---- 1. build -------------------------------------------------------------------------------------------------
step('electron-vite build')
const build = spawnSync(process.execPath, [binOf('electron-vite'), 'build'], { cwd: root, stdio: 'inherit', env: cleanEnv() })
if (build.status !== 0) fail('Không build được ứng dụng (electron-vite build).', 'electron-vite build failed.')

// ---- 2. the Electron binary ----------------------------------------------------------------------------------------
const electronPkg = readJson(require.resolve('electron/package.json'))
const electronVersion = electronPkg.version
step(`Electron ${electronVersion}: locating the binary (downloaded on first use)`)
// `require('electron')` under Node returns the executable's path, downloading it lazily (electron >= 42).
const locate = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  env: cleanEnv()
})
const electronPath = (locate.stdout ?? '').trim()
if (locate.status !== 0 || !electronPath || !existsSync(electronPath)) {
  // electron's own output: "Downloading Electron binary... TypeError: fetch failed" and a stack.
  console.error((locate.stderr ?? '').split('\n').slice(0, 6).join('\n'))
  fail(
    'Không tải được Electron. Máy cần truy cập github.com (hoặc đặt ELECTRON_MIRROR tới một bản sao); chế độ trình duyệt vẫn dùng được: npm run web',
    'Could not download the Electron binary. This machine needs access to github.com (or set ELECTRON_MIRROR to a mirror); browser mode still works: npm run web',
    `electron ${electronVersion}, exit ${locate.status ?? locate.signal}`
  )
}

// ---- 3. better-sqlite3 for Electron, in a separate copy ------------------------------------------------------------
const sourceDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = readJson(join(sourceDir, 'package.json')).version
const electronAbi = readElectronAbi()
const wanted = { electron: electronVersion, abi: electronAbi, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch }

function readElectronAbi() {
  const file = join(dirname(require.resolve('electron/package.json')), 'abi_version')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  try {
    return String(require('node-abi').getAbi(electronVersion, 'electron'))
  } catch {
    return ''
  }
}

/** The NAN addon exports node_register_module_v<ABI>; its presence tells which runtime it was compiled for. */
function exportsAbi(file, abi) {
  return abi !== '' && readFileSync(file).includes(Buffer.from(`node_register_module_v${abi}\0`))
}

function upToDate() {
  if (!existsSync(stampFile) || !existsSync(rebuiltBinary)) return false
  try {
    return JSON.stringify(readJson(stampFile)) === JSON.stringify(wanted) && exportsAbi(rebuiltBinary, electronAbi)
  } catch {
    return false
  }
}

if (upToDate()) {
  step(`better-sqlite3 ${sqliteVersion} for Electron (ABI ${electronAbi}) is up to date in ${relative(root, copyDir)}`)
} else {
  step(`better-sqlite3 ${sqliteVersion}: building a copy for Electron ${electronVersion} (ABI ${electronAbi || '?'}) in ${relative(root, copyDir)}`)
  const originalBinary = join(sourceDir, 'build', 'Release', 'better_sqlite3.node')
  const originalMtime = existsSync(originalBinary) ? statSync(originalBinary).mtimeMs : null

  rmSync(nativeDir, { recursive: true, force: true })
  mkdirSync(dirname(copyDir), { recursive: true })
  writeFileSync(
    join(nativeDir, 'package.json'),
    JSON.stringify({ name: 'ocop-electron-native', private: true, version: '0.0.0', dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2)
  )
  // Sources only: the Node build in build/ must not be mistaken for an Electron one.
  cpSync(sourceDir, copyDir, { recursive: true, filter: (src) => relative(sourceDir, src).split(sep)[0] !== 'build' })

  // nodedir must be unset for the rebuild (it is inherited by node-gyp children through process.env).
  const env = cleanEnv()
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key]

  let rebuild
  try {
    ;({ rebuild } = await import('@electron/rebuild'))
  } catch (err) {
    fail('Thiếu @electron/rebuild (cài kèm electron-builder). Hãy chạy: npm install', '@electron/rebuild is missing (installed with electron-builder). Run: npm install', String(err))
  }
  try {
    // projectRootPath = nativeDir keeps the module search inside the copy: node_modules/better-sqlite3 is never touched.
    await rebuild({
      buildPath: nativeDir,
      projectRootPath: nativeDir,
      electronVersion,
      arch: process.arch,
      platform: process.platform,
      onlyModules: ['better-sqlite3'],
      force: true,
      mode: 'sequential'
    })
  } catch (err) {
    fail(
      'Không build được better-sqlite3 cho Electron. Máy cần truy cập electronjs.org / github.com (header hoặc bản dựng sẵn của Electron) và công cụ biên dịch C++.',
      'Could not build better-sqlite3 for Electron. This needs electronjs.org / github.com (Electron headers or prebuilds) and a C++ toolchain.',
      err instanceof Error ? err.message : String(err)
    )
  }
  if (!existsSync(rebuiltBinary)) fail('Không tìm thấy better_sqlite3.node sau khi build.', `No ${relative(root, rebuiltBinary)} after the rebuild.`)
  if (electronAbi && !exportsAbi(rebuiltBinary, electronAbi)) {
    fail(
      `better_sqlite3.node không được build cho Electron (ABI ${electronAbi}). Kiểm tra rằng "npm config get nodedir" không có giá trị.`,
      `better_sqlite3.node was not built for Electron's ABI ${electronAbi} (nodedir set? see STACK.md §2.4). Check that "npm config get nodedir" is empty.`
    )
  }
  if (originalMtime !== null && existsSync(originalBinary) && statSync(originalBinary).mtimeMs !== originalMtime) {
    console.warn('[start] WARNING: node_modules/better-sqlite3 changed during the rebuild; run "npm rebuild better-sqlite3" before npm test.')
  }
  writeFileSync(stampFile, JSON.stringify(wanted))
}

// ---- 4. launch -----------------------------------------------------------------------------------------------------
step(`starting Electron ${electronVersion}`)
const env = { ...cleanEnv(), OCOP_NATIVE_BINDING: rebuiltBinary }
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env, windowsHide: false })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('error', (err) => fail('Không khởi động được Electron.', 'Could not start Electron.', err.message))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
