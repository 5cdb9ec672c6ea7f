import { createHash, sign as cryptoSign } from 'node:crypto'
import forge from 'node-forge'
import { Signer } from '@signpdf/utils'
import type { P12Identity } from './p12'

const { asn1 } = forge
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2'
}

const seq = (v: forge.asn1.Asn1[]): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, v)
const set = (v: forge.asn1.Asn1[]): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, v)
const oid = (o: string): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes())
const octets = (bytes: string): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes)
const int = (n: number): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes())
const nul = (): forge.asn1.Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')
const algo = (o: string, withNull: boolean): forge.asn1.Asn1 => seq(withNull ? [oid(o), nul()] : [oid(o)])
const der = (a: forge.asn1.Asn1): string => asn1.toDer(a).getBytes()

/** DER wants SET OF members ordered by their encodings; strict validators reject unordered signed attributes. */
function derSetOf(items: forge.asn1.Asn1[]): forge.asn1.Asn1[] {
  return items
    .map((a) => ({ a, k: Buffer.from(der(a), 'binary') }))
    .sort((x, y) => Buffer.compare(x.k, y.k))
    .map((x) => x.a)
}

const fromDer = (der: Buffer): forge.asn1.Asn1 => asn1.fromDer(forge.util.createBuffer(der.toString('binary')))

/** issuer and serialNumber taken from the certificate's own TBS bytes, so they match it exactly. */
function issuerAndSerial(certDer: Buffer): forge.asn1.Asn1 {
  const tbs = fromDer(certDer).value[0] as forge.asn1.Asn1
  const fields = tbs.value as forge.asn1.Asn1[]
  const offset = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0
  return seq([fields[offset + 2] as forge.asn1.Asn1, fields[offset] as forge.asn1.Asn1])
}

/**
 * CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1): detached, SHA-256, signed attributes content-type,
 * message-digest and ESS signing-certificate-v2, and no signing-time attribute — the time is the /M entry of the
 * signature dictionary. @signpdf's P12Signer adds signing-time and omits signing-certificate-v2, so it is only
 * adbe.pkcs7.detached-grade; this signer is what lets us declare ETSI.CAdES.detached.
 */
export class CadesSigner extends Signer {
  constructor(private readonly id: P12Identity) {
    super()
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return Promise.resolve(cmsSignedData(this.id, content))
  }
}

export function cmsSignedData(id: P12Identity, content: Buffer): Buffer {
  const certHash = createHash('sha256').update(id.certDer).digest('binary')
  const digest = createHash('sha256').update(content).digest('binary')
  const attr = (type: string, value: forge.asn1.Asn1): forge.asn1.Asn1 => seq([oid(type), set([value])])
  const attrs = derSetOf([
    attr(OID.contentType, oid(OID.data)),
    attr(OID.messageDigest, octets(digest)),
    // ESSCertIDv2 with the default hash algorithm (SHA-256) omitted, as DER requires.
    attr(OID.signingCertificateV2, seq([seq([seq([octets(certHash)])])]))
  ])
  // RSA PKCS#1 v1.5 or ECDSA (DER-encoded r, s) over the DER of the signed attributes as a SET (RFC 5652 §5.4).
  const signature = cryptoSign('sha256', Buffer.from(der(set(attrs)), 'binary'), id.key).toString('binary')
  const signerInfo = seq([
    int(1),
    issuerAndSerial(id.certDer),
    algo(OID.sha256, false),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs),
    id.keyType === 'ec' ? algo(OID.ecdsaWithSha256, false) : algo(OID.rsaEncryption, true),
    octets(signature)
  ])
  const signedData = seq([
    int(1),
    set([algo(OID.sha256, false)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, id.chainDer.map(fromDer)),
    set([signerInfo])
  ])
  const contentInfo = seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])])
  return Buffer.from(der(contentInfo), 'binary')
}
