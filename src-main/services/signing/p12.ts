import forge from 'node-forge'
import { AppError } from '../../shared/result'
import { formatInstantDay } from '../../shared/vn-format'

export interface P12Identity {
  key: forge.pki.rsa.PrivateKey
  cert: forge.pki.Certificate
  /** Every certificate in the file (signer first), embedded in the signature so verifiers can build the chain. */
  chain: forge.pki.Certificate[]
  /** RFC 4514-style subject of the signer, e.g. "CN=Nguyễn Văn A, O=UBND tỉnh X, C=VN". */
  subject: string
  notBefore: Date
  notAfter: Date
}

/** node-forge keeps UTF8String values as raw bytes; BMPString and the ASCII types are already text. */
export function fieldText(a: forge.pki.CertificateField): string {
  const raw = String(a.value)
  if ((a.valueTagClass as number | undefined) !== forge.asn1.Type.UTF8) return raw.normalize('NFC')
  try {
    return forge.util.decodeUtf8(raw).normalize('NFC')
  } catch {
    return raw
  }
}

/** One-line distinguished name, most specific attribute first (as verifiers such as pdfsig print it). */
export function dnToString(attrs: readonly forge.pki.CertificateField[]): string {
  return attrs
    .map((a) => `${a.shortName ?? a.name ?? a.type}=${fieldText(a)}`)
    .reverse()
    .join(', ')
}

export function commonName(cert: forge.pki.Certificate): string {
  const cn = cert.subject.getField('CN') as forge.pki.CertificateField | null
  return cn ? fieldText(cn) : dnToString(cert.subject.attributes)
}

/**
 * Opens a PKCS#12 file held in memory. The password is only passed through to node-forge; it is never kept, logged
 * or put in an error message.
 */
export function openP12(p12: Uint8Array, password: string, at: Date): P12Identity {
  let parsed: forge.pkcs12.Pkcs12Pfx
  try {
    const der = forge.util.createBuffer(Buffer.from(p12).toString('binary'))
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password)
  } catch (err) {
    const msg = err instanceof Error ? err.message : ''
    if (/mac|password|decrypt/i.test(msg))
      throw new AppError('VALIDATION', 'Mật khẩu chứng thư số không đúng hoặc tệp PKCS#12 bị hỏng')
    throw new AppError('VALIDATION', 'Tệp chứng thư số không phải tệp PKCS#12 (.p12/.pfx) hợp lệ')
  }
  const bags = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? []
  const keys = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag as string), ...bags(forge.pki.oids.keyBag as string)]
  const key = keys.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined
  if (!key || !('n' in key)) throw new AppError('VALIDATION', 'Tệp PKCS#12 không có khóa bí mật RSA để ký')
  const certs = bags(forge.pki.oids.certBag as string).flatMap((b) => (b.cert ? [b.cert] : []))
  const cert = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey
    return 'n' in pub && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0
  })
  if (!cert) throw new AppError('VALIDATION', 'Tệp PKCS#12 không có chứng thư ứng với khóa bí mật')
  if (at < cert.validity.notBefore || at > cert.validity.notAfter)
    throw new AppError(
      'VALIDATION',
      `Chứng thư số không còn hiệu lực tại thời điểm ký (hiệu lực từ ${formatInstantDay(cert.validity.notBefore)} đến ${formatInstantDay(cert.validity.notAfter)})`
    )
  return {
    key,
    cert,
    chain: [cert, ...certs.filter((c) => c !== cert)],
    subject: dnToString(cert.subject.attributes),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter
  }
}
