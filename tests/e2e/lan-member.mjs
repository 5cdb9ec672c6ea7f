// Member-side driver of tests/e2e/lan.spec.mjs, started INSIDE the test's network namespace (`ip netns exec`): it
// launches Chromium there, so every byte between the member's browser and the server crosses the veth pair. The
// spec talks to it over stdin/stdout (one JSON line per step), which keeps working while the veth link is down.
import { createInterface } from 'node:readline'
import { chromium } from 'playwright-core'

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
const pages = new Map()
const errors = []
const state = {
  browser,
  errors,
  /** A member device: its own context (own cookies), tablet-sized unless told otherwise. */
  async device(name, viewport = { width: 1024, height: 768 }) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN', hasTouch: true })
    const page = await ctx.newPage()
    page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`))
    pages.set(name, page)
    return page
  },
  page: (name) => pages.get(name)
}

const rl = createInterface({ input: process.stdin })
for await (const line of rl) {
  const { id, body, args } = JSON.parse(line)
  try {
    const value = await new AsyncFunction('s', 'args', body)(state, args ?? {})
    process.stdout.write(JSON.stringify({ id, ok: true, value: value ?? null }) + '\n')
  } catch (e) {
    process.stdout.write(JSON.stringify({ id, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }) + '\n')
  }
}
await browser.close()
