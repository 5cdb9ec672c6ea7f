// npm run web [-- --port N --data-dir DIR]: builds when sources are newer than the build, then starts browser mode.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const target = join(root, 'out/main/server.js')

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const stale = !existsSync(target) || !existsSync(join(root, 'out/renderer/index.html')) ||
  Math.max(newest(join(root, 'src-main')), newest(join(root, 'src-renderer'))) > statSync(target).mtimeMs
if (stale) {
  console.log('Đang build ứng dụng / building…')
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const child = spawn(process.execPath, [target, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
