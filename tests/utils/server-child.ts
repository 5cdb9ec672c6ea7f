import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { openScoringSession } from '../main/sessions/helpers'
import { ok, REPO, tempDir, testCore } from './core'

/** Browser mode as a real child process (`src-main/server.ts` via tsx), so an exit caused by a request is observable. */
export interface ChildServer {
  child: ChildProcess
  port: number
  token: string
  /** A member token of a scoring session prepared in the data folder before start. */
  memberToken: string
  /** A second, unused join code of another member of that session. */
  spareCode: string
  dataDir: string
  /** Everything the server wrote (stdout + stderr). */
  output(): string
  /** Resident set size of the server process in bytes (Linux /proc). */
  rss(): number
  exited(): boolean
  stop(): Promise<void>
}

export async function startChildServer(): Promise<ChildServer> {
  const dataDir = tempDir('ocop-child-')
  // Prepare a session with join codes in the data folder, then hand the folder to the server process.
  const core = await testCore(dataDir)
  const s = await openScoringSession(core, { products: 1 })
  const code = (await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: s.members[0]!.id })).code
  const spareCode = (await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: s.members[1]!.id })).code
  core.close()

  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src-main/server.ts'), '--data-dir', dataDir, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')))
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')))
  const started = Date.now()
  let m: RegExpExecArray | null = null
  while (!(m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(out))) {
    if (child.exitCode !== null || Date.now() - started > 30_000) {
      child.kill('SIGKILL')
      throw new Error(`server did not start: ${out}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  const port = Number(m[1])
  const token = m[2]!
  const joined = await rawRequest(port, `POST /auth/join HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${JSON.stringify({ code }).length}\r\n\r\n${JSON.stringify({ code })}`)
  const memberToken = (JSON.parse(joined.body) as { token: string }).token
  return {
    child,
    port,
    token,
    memberToken,
    spareCode,
    dataDir,
    output: () => out,
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      })
  }
}

export interface RawReply {
  /** 0 when the server closed without an answer (or the time ran out). */
  status: number
  body: string
  ms: number
}

/**
 * Writes raw bytes on a fresh loopback socket and reads until the server closes or `timeoutMs` passes. `parts` are
 * written with `gapMs` between them; `closeEarly` destroys the socket after the last part without waiting.
 */
export function rawRequest(port: number, data: string | Buffer | Array<string | Buffer>, opts: { timeoutMs?: number; gapMs?: number; closeEarly?: boolean } = {}): Promise<RawReply> {
  const parts = Array.isArray(data) ? data : [data]
  const t0 = Date.now()
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    let settled = false
    const finish = () => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      const text = Buffer.concat(chunks).toString('latin1')
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)
      const at = text.indexOf('\r\n\r\n')
      resolve({ status: status ? Number(status[1]) : 0, body: at >= 0 ? Buffer.from(text.slice(at + 4), 'latin1').toString('utf8') : '', ms: Date.now() - t0 })
    }
    const timer = setTimeout(finish, opts.timeoutMs ?? 5000)
    socket.on('data', (c: Buffer) => {
      chunks.push(c)
      // One answer is enough: a Connection: close server ends anyway; a keep-alive one would hold the socket.
      const text = Buffer.concat(chunks).toString('latin1')
      const head = text.indexOf('\r\n\r\n')
      const len = /\r\ncontent-length: (\d+)/i.exec(text)
      if (head >= 0 && len && text.length >= head + 4 + Number(len[1])) finish()
    })
    socket.on('error', finish)
    socket.on('close', finish)
    socket.on('connect', async () => {
      for (let i = 0; i < parts.length; i++) {
        if (socket.destroyed) return
        socket.write(parts[i]!)
        if (opts.gapMs && i < parts.length - 1) await new Promise((r) => setTimeout(r, opts.gapMs))
      }
      if (opts.closeEarly) finish()
    })
  })
}
