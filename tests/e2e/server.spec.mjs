// Issue 2 "Done when": browser mode serves the app; a call without the token, or from a foreign Origin or Host, is
// refused; with the token it answers; a second start on the same data folder keeps the data and does not reload the
// criteria sets.
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { test } from 'node:test'
import { startServer, tempDataDir } from './harness.mjs'

function post(port, path, headers, body = '{}') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

test('the real server refuses calls without the token or from a foreign Origin/Host, and answers with the token', async () => {
  const server = await startServer(tempDataDir())
  try {
    const auth = { Authorization: `Bearer ${server.token}` }
    assert.equal((await post(server.port, '/api/app.info', {})).status, 401)
    assert.equal((await post(server.port, '/api/app.info', { Authorization: 'Bearer nope' })).status, 401)
    assert.equal((await post(server.port, '/api/app.info', { ...auth, Origin: 'http://evil.example' })).status, 403)
    assert.equal((await post(server.port, '/api/app.info', { ...auth, Host: 'evil.example' })).status, 403)
    assert.equal((await post(server.port, '/api/app.info', { ...auth, 'Content-Type': 'text/plain' })).status, 415)
    const ok = await post(server.port, '/api/app.info', auth)
    assert.equal(ok.status, 200)
    assert.equal(JSON.parse(ok.text).value.mode, 'browser')
  } finally {
    await server.stop()
  }
})

test('a second start on the same data folder keeps the data and does not reload the criteria', async () => {
  const dir = tempDataDir()
  const first = await startServer(dir)
  assert.match(first.output(), /loaded 26 criteria sets/)
  const set = await post(first.port, '/api/settings.setUi', { Authorization: `Bearer ${first.token}` }, JSON.stringify({ language: 'en' }))
  assert.equal(JSON.parse(set.text).ok, true)
  await first.stop()

  const second = await startServer(dir)
  try {
    assert.doesNotMatch(second.output(), /loaded \d+ criteria sets/)
    assert.doesNotMatch(second.output(), /migrated/)
    const ui = await post(second.port, '/api/settings.getUi', { Authorization: `Bearer ${second.token}` })
    assert.deepEqual(JSON.parse(ui.text), { ok: true, value: { language: 'en' } })
    assert.notEqual(second.token, first.token, 'the token is per launch')
  } finally {
    await second.stop()
  }
})
