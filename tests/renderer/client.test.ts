import { createClient, httpTransport, takeTokenFromLocation } from '../../src-renderer/api/client'

describe('renderer API client over HTTP', () => {
  it('posts JSON with the bearer token and returns the envelope', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = []
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({ url, init })
      return new Response(JSON.stringify({ ok: true, value: { language: 'vi' } }), { status: 200 })
    }) as unknown as typeof fetch
    const client = createClient(httpTransport('tok', fetchImpl))
    expect(await client.call('settings.getUi', {})).toEqual({ ok: true, value: { language: 'vi' } })
    expect(seen[0]!.url).toBe('/api/settings.getUi')
    expect(seen[0]!.init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' })
  })

  it('turns transport refusals and network failures into Vietnamese error envelopes', async () => {
    const refuse = (status: number) => (async () => new Response('x', { status })) as unknown as typeof fetch
    const r401 = await httpTransport(null, refuse(401)).call('app.info', {})
    expect(r401).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const r403 = await httpTransport(null, refuse(403)).call('app.info', {})
    expect(r403).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('từ chối') } })
    const down = await httpTransport(null, (async () => { throw new TypeError('fetch failed') }) as unknown as typeof fetch).call('app.info', {})
    expect(down).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'Không kết nối được máy chủ của ứng dụng.' } })
  })

  it('takes the token from the URL fragment once and removes it from the address bar', () => {
    const replaced: string[] = []
    const loc = { hash: '#token=abc_DEF-1', pathname: '/', search: '' } as Location
    const hist = { replaceState: (_a: unknown, _b: string, url: string) => replaced.push(url) } as unknown as History
    expect(takeTokenFromLocation(loc, hist)).toBe('abc_DEF-1')
    expect(replaced).toEqual(['/'])
    expect(takeTokenFromLocation({ ...loc, hash: '' } as Location, hist)).toBeNull()
  })
})
