/** A DER TLV with the offsets of its exact bytes, so signed structures are checked as they were encoded. */
export interface Tlv {
  tag: number
  start: number
  contentStart: number
  end: number
  children: Tlv[]
}

export class DerError extends Error {}

/** Reads one element at `at`; constructed elements are read recursively. */
export function readTlv(buf: Uint8Array, at = 0, depth = 0): Tlv {
  if (depth > 40) throw new DerError('nested too deep')
  const tag = buf[at]
  let lenByte = buf[at + 1]
  if (tag === undefined || lenByte === undefined) throw new DerError('truncated header')
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used in CMS')
  let len = lenByte
  let p = at + 2
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f
    if (n === 0 || n > 4) throw new DerError('unsupported length')
    len = 0
    for (let i = 0; i < n; i++) {
      lenByte = buf[p++]
      if (lenByte === undefined) throw new DerError('truncated length')
      len = len * 256 + lenByte
    }
  }
  const end = p + len
  if (end > buf.length) throw new DerError('truncated content')
  const children: Tlv[] = []
  if (tag & 0x20) {
    let q = p
    while (q < end) {
      const c = readTlv(buf, q, depth + 1)
      children.push(c)
      q = c.end
    }
    if (q !== end) throw new DerError('child overruns parent')
  }
  return { tag, start: at, contentStart: p, end, children }
}

export const content = (buf: Uint8Array, t: Tlv): Buffer => Buffer.from(buf.subarray(t.contentStart, t.end))
export const whole = (buf: Uint8Array, t: Tlv): Buffer => Buffer.from(buf.subarray(t.start, t.end))

/** Dotted OID from an OBJECT IDENTIFIER element. */
export function oidOf(buf: Uint8Array, t: Tlv): string {
  if (t.tag !== 0x06) throw new DerError('expected an OID')
  const b = content(buf, t)
  const first = b[0] ?? 0
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40]
  let v = 0
  for (let i = 1; i < b.length; i++) {
    const byte = b[i] ?? 0
    v = v * 128 + (byte & 0x7f)
    if (!(byte & 0x80)) {
      parts.push(v)
      v = 0
    }
  }
  return parts.join('.')
}

export function child(t: Tlv, i: number): Tlv {
  const c = t.children[i]
  if (!c) throw new DerError('missing element')
  return c
}
