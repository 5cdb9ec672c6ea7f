import { PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib'

/**
 * An incremental update (ISO 32000-1 §7.5.6): the objects added or changed since `before` are appended after the
 * file's last "%%EOF" with their own cross-reference section and a trailer pointing back (/Prev) to the previous one.
 * The bytes of the earlier revision stay untouched, so a signature already in the file stays valid — how a second
 * signature (THƯ KÝ, then CHỦ TỌA) is added to the minutes. pdf-lib cannot save incrementally, so the objects are
 * serialised here with pdf-lib's own writers.
 */
export function appendIncrement(original: Buffer, doc: PDFDocument, before: number, changed: readonly PDFRef[]): Buffer {
  const tail = original.subarray(Math.max(0, original.length - 1024)).toString('latin1')
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)
  if (!m) throw new Error('no startxref at the end of the signed PDF')
  const prev = Number(m[1])
  const refs = new Map<number, PDFRef>()
  for (const [ref] of doc.context.enumerateIndirectObjects()) if (ref.objectNumber > before) refs.set(ref.objectNumber, ref)
  for (const ref of changed) refs.set(ref.objectNumber, ref)
  const numbers = [...refs.keys()].sort((a, b) => a - b)

  const parts: Buffer[] = [Buffer.from('\n', 'latin1')]
  let offset = original.length + 1
  const offsets = new Map<number, number>()
  for (const n of numbers) {
    const ref = refs.get(n)!
    const obj = doc.context.lookup(ref) as PDFObject
    const body = new Uint8Array(obj.sizeInBytes())
    obj.copyBytesInto(body, 0)
    const chunk = Buffer.concat([Buffer.from(`${n} ${ref.generationNumber} obj\n`, 'latin1'), Buffer.from(body), Buffer.from('\nendobj\n', 'latin1')])
    offsets.set(n, offset)
    parts.push(chunk)
    offset += chunk.length
  }
  // Subsections of consecutive object numbers; each entry exactly 20 bytes.
  let xref = 'xref\n0 1\n0000000000 65535 f \n'
  for (let i = 0; i < numbers.length; ) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++
    xref += `${numbers[i]} ${j - i + 1}\n`
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(numbers[k]!)).padStart(10, '0')} ${String(refs.get(numbers[k]!)!.generationNumber).padStart(5, '0')} n \n`
    i = j + 1
  }
  const t = doc.context.trailerInfo
  const entry = (name: string, v: PDFObject | undefined) => {
    if (!v) return ''
    const b = new Uint8Array(v.sizeInBytes())
    v.copyBytesInto(b, 0)
    return ` /${name} ${Buffer.from(b).toString('latin1')}`
  }
  const trailer = `trailer\n<< /Size ${doc.context.largestObjectNumber + 1}${entry('Root', t.Root)}${entry('Info', t.Info)}${entry('ID', t.ID)} /Prev ${prev} >>\nstartxref\n${offset}\n%%EOF\n`
  parts.push(Buffer.from(xref + trailer, 'latin1'))
  return Buffer.concat([original, ...parts])
}
