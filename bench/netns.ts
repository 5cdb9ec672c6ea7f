/**
 * A network namespace with a veth pair, made and removed by the LAN bench so its member devices reach the server over
 * a real network path, as tablets in the meeting room do. Addresses are assigned only inside what this creates (one
 * /30 of 10.201.0.0/16, chosen from the pid; the E2E spec uses 10.200.0.0/16), and everything is removed after.
 */
import { execFileSync } from 'node:child_process'

export interface Namespace {
  name: string
  hostIp: string
  nsIp: string
  remove(): void
}

const ip = (...args: string[]): string => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString()

/** The namespace, or why none can be made here (not root, no iproute2, no namespaces in this container). */
export function createNamespace(): Namespace | { unavailable: string } {
  const id = process.pid % 100000
  const name = `ocopbench${process.pid}`
  const vethHost = `obh${id}`
  const vethNs = `obn${id}`
  const net = `10.201.${(process.pid % 250) + 1}`
  const ns: Namespace = {
    name,
    hostIp: `${net}.1`,
    nsIp: `${net}.2`,
    remove() {
      for (const args of [['link', 'del', vethHost], ['netns', 'del', name]]) {
        try {
          ip(...args)
        } catch {
          // Already gone: deleting one end of a veth pair removes both.
        }
      }
    }
  }
  try {
    if (process.getuid?.() !== 0) throw new Error('not running as root')
    ip('netns', 'add', name)
    ip('link', 'add', vethHost, 'type', 'veth', 'peer', 'name', vethNs)
    ip('link', 'set', vethNs, 'netns', name)
    ip('addr', 'add', `${ns.hostIp}/30`, 'dev', vethHost)
    ip('link', 'set', vethHost, 'up')
    ip('netns', 'exec', name, 'ip', 'addr', 'add', `${ns.nsIp}/30`, 'dev', vethNs)
    ip('netns', 'exec', name, 'ip', 'link', 'set', vethNs, 'up')
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up')
    return ns
  } catch (e) {
    ns.remove()
    return { unavailable: e instanceof Error ? e.message.split('\n')[0]! : String(e) }
  }
}
