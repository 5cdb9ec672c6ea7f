import { createHash } from 'node:crypto'
import QRCode from 'qrcode'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_LENGTH = 10
/** Printed in the QR code before the code, so a scanned text is recognisable and still accepted by the screen. */
export const QR_PREFIX = 'OCOP-KT:'

/**
 * The short code printed on minutes and decisions: the first 50 bits of the SHA-256 of the document's content
 * record (the canonical JSON the documents module hashes), in Crockford base32, 10 characters.
 */
export function verificationCodeFor(contentRecord: string | Uint8Array): string {
  return codeFromSha256(createHash('sha256').update(typeof contentRecord === 'string' ? Buffer.from(contentRecord.normalize('NFC'), 'utf8') : contentRecord).digest('hex'))
}

/** The same code from a SHA-256 already computed (the documents register's input_sha256). */
export function codeFromSha256(hex: string): string {
  const digest = Buffer.from(hex, 'hex')
  let bits = 0n
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(digest[i] ?? 0)
  bits >>= 6n
  let code = ''
  for (let i = CODE_LENGTH - 1; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)]
  return code
}

/** "ABCDE-FGHJK", as printed. */
export const formatCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`

/**
 * What a person typed or a scanner read, as a code: case, spaces, hyphens and the QR prefix ignored; Crockford's
 * look-alikes (O→0, I/L→1) mapped. Null when it cannot be a code.
 */
export function normalizeCode(input: string): string | null {
  let s = input.trim().toUpperCase()
  if (s.startsWith(QR_PREFIX)) s = s.slice(QR_PREFIX.length)
  s = s.replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (s.length !== CODE_LENGTH || [...s].some((ch) => !ALPHABET.includes(ch))) return null
  return s
}

/** The first 48 bits of the SHA-256 a code was made from, as 12 hex digits, to find candidates by prefix. */
export function sha256PrefixOfCode(code: string): string {
  let bits = 0n
  for (const ch of code) bits = (bits << 5n) | BigInt(ALPHABET.indexOf(ch))
  return (bits >> 2n).toString(16).padStart(12, '0')
}

/** A PNG QR code carrying the code, for the documents module to print next to it. */
export function qrPng(code: string, sizePx = 160): Promise<Buffer> {
  return QRCode.toBuffer(`${QR_PREFIX}${formatCode(code)}`, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: sizePx })
}
