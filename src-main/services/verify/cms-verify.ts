import { createHash, verify as verifySig, X509Certificate } from 'node:crypto'
import { child, content, DerError, oidOf, readTlv, whole, type Tlv } from './der'

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512'
}
const ATTR = { messageDigest: '1.2.840.113549.1.9.4', signingTime: '1.2.840.113549.1.9.5' }

export interface CmsCheck {
  digestAlgorithm: string | null
  /** The message digest attribute equals the hash of the signed byte ranges. */
  digestOk: boolean
  /** The signer's public key verifies the signature over the signed attributes. */
  signatureOk: boolean
  signer: { subject: string; commonName: string; serial: string; issuer: string; validFrom: string; validTo: string } | null
  /** From the signing-time attribute, when the signature carries one (PAdES puts the time in /M instead). */
  signingTime: string | null
  problems: string[]
}

function asnTime(buf: Uint8Array, t: Tlv): string | null {
  const s = content(buf, t).toString('latin1')
  const m = t.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s)
  if (!m) return null
  const year = t.tag === 0x17 ? (Number(m[1]) >= 50 ? 1900 : 2000) + Number(m[1]) : Number(m[1])
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))).toISOString()
}

const cn = (dn: string): string => /(?:^|\n)CN=([^\n]*)/.exec(dn)?.[1] ?? dn.split('\n')[0] ?? ''

/** Finds the certificate named by the SignerInfo's issuerAndSerialNumber (or, failing that, the first one). */
function signerCert(buf: Uint8Array, sid: Tlv, certs: X509Certificate[]): X509Certificate | undefined {
  if (sid.tag === 0x30) {
    const serial = content(buf, child(sid, 1)).toString('hex').replace(/^(00)+(?=.)/, '').toUpperCase()
    const hit = certs.find((c) => c.serialNumber.replace(/^(00)+(?=.)/, '').toUpperCase() === serial)
    if (hit) return hit
  }
  return certs[0]
}

/**
 * Verifies a detached CMS SignedData over `signed` (the PDF without its /Contents): the message digest and the
 * signer's signature over the DER of the signed attributes. Trust in the certificate is not judged here.
 */
export function verifyCms(cms: Uint8Array, signed: Uint8Array): CmsCheck {
  const out: CmsCheck = { digestAlgorithm: null, digestOk: false, signatureOk: false, signer: null, signingTime: null, problems: [] }
  try {
    const ci = readTlv(cms, 0)
    if (oidOf(cms, child(ci, 0)) !== '1.2.840.113549.1.7.2') throw new DerError('not SignedData')
    const sd = child(child(ci, 1), 0)
    const certs: X509Certificate[] = []
    let signerInfos: Tlv | undefined
    for (const c of sd.children.slice(3)) {
      if (c.tag === 0xa0) for (const cert of c.children) if (cert.tag === 0x30) certs.push(new X509Certificate(whole(cms, cert)))
      if (c.tag === 0x31) signerInfos = c
    }
    const si = signerInfos?.children[0]
    if (!si) throw new DerError('no SignerInfo')
    const hashOid = oidOf(cms, child(child(si, 2), 0))
    const hash = HASHES[hashOid]
    out.digestAlgorithm = hash ?? hashOid
    if (!hash) {
      out.problems.push(`Thuật toán băm ${hashOid} chưa được hỗ trợ`)
      return out
    }
    const computed = createHash(hash).update(signed).digest()
    const cert = signerCert(cms, child(si, 1), certs)
    if (cert)
      out.signer = { subject: cert.subject, commonName: cn(cert.subject), serial: cert.serialNumber, issuer: cert.issuer, validFrom: new Date(cert.validFrom).toISOString(), validTo: new Date(cert.validTo).toISOString() }
    else out.problems.push('Chữ ký không kèm chứng thư số của người ký')
    const attrs = si.children[3]?.tag === 0xa0 ? si.children[3] : undefined
    const sigAt = attrs ? 5 : 4
    const signature = content(cms, child(si, sigAt))
    let signedBytes: Buffer
    if (attrs) {
      for (const a of attrs.children) {
        const type = oidOf(cms, child(a, 0))
        const value = child(child(a, 1), 0)
        if (type === ATTR.messageDigest) out.digestOk = content(cms, value).equals(computed)
        if (type === ATTR.signingTime) out.signingTime = asnTime(cms, value)
      }
      if (!out.digestOk) out.problems.push('Mã băm của văn bản không khớp với chữ ký: văn bản đã bị thay đổi sau khi ký')
      // The signature covers the attributes encoded as a SET, not with their [0] IMPLICIT tag (RFC 5652 §5.4).
      signedBytes = whole(cms, attrs)
      signedBytes[0] = 0x31
    } else {
      out.digestOk = true
      signedBytes = Buffer.from(signed)
    }
    if (cert) {
      try {
        out.signatureOk = verifySig(hash, signedBytes, cert.publicKey, signature)
      } catch {
        out.signatureOk = false
      }
      if (!out.signatureOk) out.problems.push('Chữ ký số không khớp với chứng thư của người ký')
    }
  } catch (err) {
    out.problems.push(err instanceof DerError || err instanceof Error ? 'Dữ liệu chữ ký số bị hỏng, không đọc được' : 'Không đọc được chữ ký số')
  }
  return out
}
