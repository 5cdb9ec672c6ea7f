import { verifyCms, type CmsCheck } from './cms-verify'

export interface PdfSignatureCheck extends CmsCheck {
  byteRange: [number, number, number, number]
  subFilter: string | null
  /** /M of the signature dictionary (the PAdES signing time), ISO 8601 UTC. */
  claimedTime: string | null
  /** ByteRange starts at 0, skips exactly the /Contents hex string and ends at the end of the file. */
  coversWholeFile: boolean
  valid: boolean
}

const APPENDED = 'Văn bản có phần được thêm vào sau khi ký (chữ ký không bao trùm toàn bộ tệp)'
const RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g

/** PDF date "D:20261128080405Z" or "D:20261128150405+07'00'" to ISO 8601 UTC. */
export function pdfDate(s: string): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s)
  if (!m) return null
  const base = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
  const tz = m[7] && m[7] !== 'Z' ? /([+-])(\d{2})'?(\d{2})/.exec(m[7]) : null
  const offset = tz ? (tz[1] === '-' ? -1 : 1) * (Number(tz[2]) * 60 + Number(tz[3])) * 60000 : 0
  return new Date(base - offset).toISOString()
}

/** The text of the object holding the signature dictionary, for /SubFilter and /M. */
function dictText(text: string, contentsStart: number, contentsEnd: number): string {
  const from = Math.max(0, text.lastIndexOf(' obj', contentsStart))
  const to = text.indexOf('endobj', contentsEnd)
  return text.slice(from, contentsStart) + text.slice(contentsEnd, to < 0 ? contentsEnd + 4096 : to)
}

/**
 * Every signature in a PDF, found by its /ByteRange and checked: the ranges, the CMS message digest over exactly
 * those bytes, and the signer's signature. A signature whose ranges stop before the end of the file is reported
 * as not covering the whole document — something was appended after it was signed.
 */
export function checkPdfSignatures(pdf: Uint8Array): PdfSignatureCheck[] {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  const text = buf.toString('latin1')
  const seen = new Set<string>()
  const out: PdfSignatureCheck[] = []
  for (const m of text.matchAll(RANGE)) {
    const r = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number]
    const key = r.join(' ')
    if (seen.has(key)) continue
    seen.add(key)
    const [a, b, c, d] = r
    const problems: string[] = []
    const sane = a === 0 && b > 0 && c > b + 1 && c + d <= buf.length && buf[b] === 0x3c && buf[c - 1] === 0x3e
    if (!sane) {
      out.push({ ...emptyCheck(r), problems: ['Vùng ký (ByteRange) không hợp lệ'] })
      continue
    }
    const coversWholeFile = c + d === buf.length
    if (!coversWholeFile) problems.push(APPENDED)
    const hex = text.slice(b + 1, c - 1).replace(/\s+/g, '')
    const cms = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')
    const signed = Buffer.concat([buf.subarray(a, a + b), buf.subarray(c, c + d)])
    const cmsCheck = verifyCms(cms, signed)
    const dict = dictText(text, b, c)
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dict)?.[1] ?? null
    const mDate = /\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1]
    out.push({
      ...cmsCheck,
      problems: [...problems, ...cmsCheck.problems],
      byteRange: r,
      subFilter,
      claimedTime: mDate ? pdfDate(mDate) : null,
      coversWholeFile,
      valid: coversWholeFile && cmsCheck.digestOk && cmsCheck.signatureOk
    })
  }
  return acceptEarlierRevisions(out, text)
}

/**
 * A signature that covers an earlier revision of the file — its range ends at that revision's "%%EOF" — stays
 * valid when what follows is signed in turn by a valid signature over the whole file: the second signer of the
 * minutes (CHỦ TỌA after THƯ KÝ) adds an incremental update, as PAdES intends.
 */
function acceptEarlierRevisions(list: PdfSignatureCheck[], text: string): PdfSignatureCheck[] {
  const last = list.find((s) => s.valid && s.coversWholeFile)
  if (!last) return list
  return list.map((s) => {
    const end = s.byteRange[2] + s.byteRange[3]
    const endsRevision = /%%EOF\s*$/.test(text.slice(Math.max(0, end - 8), end))
    if (s.coversWholeFile || !endsRevision || end > last.byteRange[2]) return s
    return { ...s, problems: s.problems.filter((p) => p !== APPENDED), valid: s.digestOk && s.signatureOk }
  })
}

function emptyCheck(r: [number, number, number, number]): PdfSignatureCheck {
  return {
    byteRange: r,
    subFilter: null,
    claimedTime: null,
    coversWholeFile: false,
    valid: false,
    digestAlgorithm: null,
    digestOk: false,
    signatureOk: false,
    signer: null,
    signingTime: null,
    problems: []
  }
}
