// A network namespace with a veth pair, for the LAN E2E spec and the LAN bench: what runs inside the namespace
// reaches the host side over a real network path, as a tablet in the meeting room does. Addresses are assigned only
// inside what this creates (one /30 of `subnet`, chosen from the pid), and `remove()` deletes all of it.
import { execFileSync } from 'node:child_process'

export const ip = (...args) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString()

/**
 * `prefix` names the namespace (`<prefix><pid>`) and the veth ends (`<prefix[0]>h<id>`, `<prefix[0]>n<id>`, at most
 * 15 characters); `subnet` is the /16 to take a /30 from ("10.200"). Returns the namespace, or `{ unavailable }`
 * saying why none can be made here (not root, no iproute2, no namespaces in this container).
 */
export function createNamespace(prefix, subnet) {
  const id = process.pid % 100000
  const net = `${subnet}.${(process.pid % 250) + 1}`
  const ns = {
    name: `${prefix}${process.pid}`,
    vethHost: `${prefix.slice(0, 2)}h${id}`,
    vethNs: `${prefix.slice(0, 2)}n${id}`,
    hostIp: `${net}.1`,
    nsIp: `${net}.2`,
    remove() {
      for (const args of [['link', 'del', ns.vethHost], ['netns', 'del', ns.name]]) {
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
    ip('netns', 'add', ns.name)
    ip('link', 'add', ns.vethHost, 'type', 'veth', 'peer', 'name', ns.vethNs)
    ip('link', 'set', ns.vethNs, 'netns', ns.name)
    ip('addr', 'add', `${ns.hostIp}/30`, 'dev', ns.vethHost)
    ip('link', 'set', ns.vethHost, 'up')
    ip('netns', 'exec', ns.name, 'ip', 'addr', 'add', `${ns.nsIp}/30`, 'dev', ns.vethNs)
    ip('netns', 'exec', ns.name, 'ip', 'link', 'set', ns.vethNs, 'up')
    ip('netns', 'exec', ns.name, 'ip', 'link', 'set', 'lo', 'up')
    return ns
  } catch (e) {
    ns.remove()
    return { unavailable: e instanceof Error ? e.message.split('\n')[0] : String(e) }
  }
}
