import { request } from 'node:http'
import { startHttpServer, type HttpHost } from '../../../src-main/transport/http'
import type { Core } from '../../../src-main/core'
import { silentLogger } from '../../../src-main/logger'
import { ok, tempDir, testCore } from '../../utils/core'
import { seedProducer } from './helpers'

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv'

function post(port: number, method: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('dossier files over browser-mode HTTP', () => {
  let core: Core
  let host: HttpHost
  beforeAll(async () => {
    core = await testCore()
    host = await startHttpServer({ registry: core.registry, staticDir: tempDir(), token: TOKEN, log: silentLogger })
  })
  afterAll(async () => {
    await host.close()
    core.close()
  })

  it('accepts a 3 MB file for dossier.attach while other methods keep the 1 MB limit', async () => {
    const p = await seedProducer(core)
    const x = await ok(core, 'products.create', { producerId: p.id, name: 'Dâu tây', setId: 'QD26-2026-01', registrationType: 'lan-dau' })
    const content = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64')
    const r = await post(host.port, 'dossier.attach', JSON.stringify({ productId: x.id, itemKey: 'mau-02', fileName: 'scan.pdf', contentBase64: content }))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { items: expect.arrayContaining([expect.objectContaining({ key: 'mau-02', satisfied: true })]) } })
    const other = await post(host.port, 'producers.list', JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) }))
    expect(other.status).toBe(413)
  })
})
