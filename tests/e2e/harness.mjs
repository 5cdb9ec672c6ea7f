// Shared E2E fixtures: browser mode on a temporary data folder, and Debian Chromium through playwright-core.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const ROOT = new URL('../..', import.meta.url).pathname
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function tempDataDir() {
  return mkdtempSync(join(tmpdir(), 'ocop-e2e-'))
}

/** Starts `out/main/server.js` and resolves once it printed its URL. */
export function startServer(dataDir, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'out/main/server.js'), '--data-dir', dataDir, '--port', '0', ...extraArgs], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20000)
    const onData = (b) => {
      out += b.toString()
      const m = /(http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({
          url: `${m[1]}#token=${m[3]}`,
          origin: m[1].slice(0, -1),
          port: Number(m[2]),
          token: m[3],
          output: () => out,
          stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM') })
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${out}`)) })
  })
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install the Debian package "chromium"`)
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/** A page that fails the test on any uncaught page error. */
export async function newPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' })
  const errors = []
  page.on('pageerror', (e) => errors.push(e))
  page.assertNoErrors = () => {
    if (errors.length) throw new Error(`page errors: ${errors.map((e) => e.message).join('; ')}`)
  }
  return page
}

/**
 * The office UI of browser mode on a fresh data folder, with the province set as the import specs need it: server,
 * browser and page, `api` calling through the page's session cookie (as the UI does) and `nav` clicking a menu entry.
 */
export async function openOfficeWithProvince(bodyName) {
  const server = await startServer(tempDataDir())
  let browser
  const close = async () => {
    await browser?.close()
    await server.stop()
  }
  try {
    browser = await launchBrowser()
    const page = await newPage(browser)
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
    const api = (method, input = {}) =>
      page.evaluate(
        async ([m, i]) => (await fetch(`/api/${m}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json(),
        [method, input]
      )
    const nav = (name) => page.locator('nav').getByText(name, { exact: true }).click()
    const r = await api('settings.setProvince', { provinceCode: '68', bodyName, advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
    if (!r.ok) throw new Error(`settings.setProvince: ${JSON.stringify(r)}`)
    return { server, browser, page, api, nav, close }
  } catch (e) {
    await close()
    throw e
  }
}
