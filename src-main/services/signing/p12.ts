import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import forge from 'node-forge'
import { AppError } from '../../shared/result'
import { formatInstantDay } from '../../shared/vn-format'

/**
 * Opens a PKCS#12 (.p12/.pfx) file: the signer's private key and certificates. node-forge's own reader passes one
 * password string to every step, but RFC 7292 encodes the password differently per step: the MAC and the legacy
 * PKCS#12 PBE schemes (3DES, RC2) take it as a BMPString, PBES2 (PBKDF2 + AES, what OpenSSL 3 writes by default)
 * takes its UTF-8 bytes (RFC 8018). A Vietnamese password therefore failed on OpenSSL 3 files. This reader walks the
 * structure itself, with forge's ASN.1 parser and ciphers, giving each scheme its encoding; the key is handed to
 * Node's crypto, which signs with RSA and EC keys alike.
 */
export interface P12Identity {
  key: KeyObject
  keyType: 'rsa' | 'ec'
  /** DER of the signer's certificate, then every certificate in the file (signer first) for the chain. */
  certDer: Buffer
  chainDer: Buffer[]
  /** RFC 4514-style subject of the signer, e.g. "CN=Nguyễn Văn A, O=UBND tỉnh X, C=VN". */
  subject: string
  commonName: string
  /** Hex of the serial number as encoded (lowercase). */
  serial: string
  notBefore: Date
  notAfter: Date
}

const { asn1 } = forge
const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  pbes2: '1.2.840.113549.1.5.13'
}
const MAC_DIGESTS: Record<string, { md: () => forge.md.MessageDigest; bytes: number }> = {
  '1.3.14.3.2.26': { md: () => forge.md.sha1.create(), bytes: 20 },
  '2.16.840.1.101.3.4.2.1': { md: () => forge.md.sha256.create(), bytes: 32 },
  '2.16.840.1.101.3.4.2.2': { md: () => forge.md.sha384.create(), bytes: 48 },
  '2.16.840.1.101.3.4.2.3': { md: () => forge.md.sha512.create(), bytes: 64 }
}

class WrongPassword extends Error {}
class NotP12 extends Error {}

const children = (a: forge.asn1.Asn1): forge.asn1.Asn1[] => (Array.isArray(a.value) ? a.value : [])
const at = (a: forge.asn1.Asn1 | undefined, i: number): forge.asn1.Asn1 => {
  const c = a ? children(a)[i] : undefined
  if (!c) throw new NotP12('PKCS#12 structure')
  return c
}
const oidOf = (a: forge.asn1.Asn1): string => asn1.derToOid(a.value as string)
/** An OCTET STRING's bytes, also when BER splits it into chunks. */
const octets = (a: forge.asn1.Asn1): string => (typeof a.value === 'string' ? a.value : children(a).map(octets).join(''))

/** The password as each scheme wants it: forge BMP-encodes JS strings itself; PBES2 needs the UTF-8 bytes. */
function decrypt(algorithm: forge.asn1.Asn1, encrypted: string, password: string): string {
  const oid = oidOf(at(algorithm, 0))
  const params = at(algorithm, 1)
  const pass = oid === OID.pbes2 ? forge.util.encodeUtf8(password) : password
  let cipher: forge.cipher.BlockCipher
  try {
    cipher = (forge.pki as unknown as { pbe: { getCipher(oid: string, params: forge.asn1.Asn1, password: string): forge.cipher.BlockCipher } }).pbe.getCipher(oid, params, pass)
  } catch {
    throw new NotP12(`unsupported encryption ${oid}`)
  }
  cipher.update(forge.util.createBuffer(encrypted))
  if (!cipher.finish()) throw new WrongPassword()
  return cipher.output.getBytes()
}

function verifyMac(macData: forge.asn1.Asn1, content: string, password: string): void {
  const digestInfo = at(macData, 0)
  const alg = MAC_DIGESTS[oidOf(at(at(digestInfo, 0), 0))]
  if (!alg) throw new NotP12('MAC algorithm')
  const expected = octets(at(digestInfo, 1))
  const salt = octets(at(macData, 1))
  const iterations = children(macData)[2] ? asn1.derToInteger(at(macData, 2).value as string) : 1
  const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 3, iterations, alg.bytes, alg.md())
  const hmac = forge.hmac.create()
  hmac.start(alg.md(), key)
  hmac.update(content)
  if (hmac.digest().getBytes() !== expected) throw new WrongPassword()
}

interface Bags {
  keys: Buffer[]
  certs: Buffer[]
}

function readSafeContents(der: string, password: string, out: Bags): void {
  for (const bag of children(asn1.fromDer(der))) {
    const type = oidOf(at(bag, 0))
    const value = at(at(bag, 1), 0)
    if (type === OID.keyBag) out.keys.push(Buffer.from(asn1.toDer(value).getBytes(), 'binary'))
    else if (type === OID.shroudedKeyBag) out.keys.push(Buffer.from(decrypt(at(value, 0), octets(at(value, 1)), password), 'binary'))
    else if (type === OID.certBag && oidOf(at(value, 0)) === OID.x509Certificate) out.certs.push(Buffer.from(octets(at(at(value, 1), 0)), 'binary'))
  }
}

function readPfx(bytes: Uint8Array, password: string): Bags {
  let pfx: forge.asn1.Asn1
  try {
    pfx = asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')))
  } catch {
    throw new NotP12('not DER')
  }
  const authSafe = at(pfx, 1)
  if (oidOf(at(authSafe, 0)) !== OID.data) throw new NotP12('authSafe is not data')
  const content = octets(at(at(authSafe, 1), 0))
  const macData = children(pfx)[2]
  if (macData) verifyMac(macData, content, password)
  const out: Bags = { keys: [], certs: [] }
  for (const info of children(asn1.fromDer(content))) {
    const type = oidOf(at(info, 0))
    const body = at(at(info, 1), 0)
    if (type === OID.data) readSafeContents(octets(body), password, out)
    else if (type === OID.encryptedData) {
      const eci = at(body, 1)
      readSafeContents(decrypt(at(eci, 1), octets(at(eci, 2)), password), password, out)
    }
  }
  return out
}

/** node-forge keeps UTF8String values as raw bytes; BMPString and the ASCII types are already text. */
function fieldText(a: { value: unknown; valueTagClass?: number }): string {
  const raw = String(a.value)
  if (a.valueTagClass !== asn1.Type.UTF8) return raw.normalize('NFC')
  try {
    return forge.util.decodeUtf8(raw).normalize('NFC')
  } catch {
    return raw
  }
}

/** Subject, serial and validity read from the certificate's own TBS fields (works for any key type). */
function describe(der: Buffer): Pick<P12Identity, 'subject' | 'commonName' | 'serial' | 'notBefore' | 'notAfter'> {
  const tbs = at(asn1.fromDer(forge.util.createBuffer(der.toString('binary'))), 0)
  const f = children(tbs)
  const o = f[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0
  const time = (t: forge.asn1.Asn1) => (t.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(t.value as string) : asn1.generalizedTimeToDate(t.value as string))
  const attrs = (forge.pki as unknown as { RDNAttributesAsArray(rdn: forge.asn1.Asn1): Array<{ shortName?: string; name?: string; type: string; value: unknown; valueTagClass?: number }> }).RDNAttributesAsArray(at(tbs, o + 4))
  const cn = attrs.find((a) => a.shortName === 'CN')
  const subject = attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${fieldText(a)}`).reverse().join(', ')
  return {
    subject,
    commonName: cn ? fieldText(cn) : subject,
    serial: forge.util.bytesToHex(at(tbs, o).value as string),
    notBefore: time(at(at(tbs, o + 3), 0)),
    notAfter: time(at(at(tbs, o + 3), 1))
  }
}

/**
 * Opens a PKCS#12 file held in memory. The password is only used for this call; it is never kept, logged or put in
 * an error message.
 */
export function openP12(p12: Uint8Array, password: string, when: Date): P12Identity {
  let bags: Bags
  try {
    bags = readPfx(p12, password)
  } catch (err) {
    if (err instanceof WrongPassword) throw new AppError('VALIDATION', 'Mật khẩu chứng thư số không đúng hoặc tệp PKCS#12 bị hỏng')
    throw new AppError('VALIDATION', 'Tệp chứng thư số không phải tệp PKCS#12 (.p12/.pfx) hợp lệ')
  }
  let key: KeyObject | undefined
  for (const der of bags.keys) {
    try {
      key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
      break
    } catch {
      // A key bag in a form Node cannot read; the next one may do.
    }
  }
  const keyType = key?.asymmetricKeyType
  if (!key || (keyType !== 'rsa' && keyType !== 'ec')) throw new AppError('VALIDATION', 'Tệp PKCS#12 không có khóa bí mật RSA hoặc EC để ký')
  const certDer = bags.certs.find((der) => new X509Certificate(der).checkPrivateKey(key))
  if (!certDer) throw new AppError('VALIDATION', 'Tệp PKCS#12 không có chứng thư ứng với khóa bí mật')
  const d = describe(certDer)
  if (when < d.notBefore || when > d.notAfter)
    throw new AppError(
      'VALIDATION',
      `Chứng thư số không còn hiệu lực tại thời điểm ký (hiệu lực từ ${formatInstantDay(d.notBefore)} đến ${formatInstantDay(d.notAfter)})`
    )
  return { key, keyType, certDer, chainDer: [certDer, ...bags.certs.filter((c) => c !== certDer)], ...d }
}
