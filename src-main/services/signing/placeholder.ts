import { PDFArray, PDFDict, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib'
import { ANNOTATION_FLAGS, DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils'

export interface PlaceholderInput {
  page: PDFPage
  rect: [number, number, number, number]
  name: string
  reason: string
  location: string
  contactInfo: string
  signingTime: Date
  /** Bytes reserved for the CMS blob; a signer certificate plus a three-certificate chain stays well under it. */
  signatureLength: number
  /** The widget's appearance (a form XObject as large as `rect`); an empty one when the block is drawn on the page. */
  appearance?: PDFRef
}

/** Existing objects the placeholder changes, beyond the new ones: written again by an incremental update. */
export interface ChangedObjects {
  refs: PDFRef[]
}

/**
 * The signature field, widget and /Sig dictionary. Adapted from @signpdf/placeholder-pdf-lib (MIT), which writes
 * /Name, /Reason and /Location as PDFDocEncoding literals and so garbles Vietnamese; here they are UTF-16 text strings.
 */
export function addSignaturePlaceholder(doc: PDFDocument, p: PlaceholderInput): ChangedObjects {
  const changed: PDFRef[] = [p.page.ref]
  const byteRange = PDFArray.withContext(doc.context)
  byteRange.push(PDFNumber.of(0))
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER))
  const sig = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(p.signatureLength * 2)),
    Reason: PDFHexString.fromText(p.reason),
    M: PDFString.fromDate(p.signingTime),
    ContactInfo: PDFHexString.fromText(p.contactInfo),
    Name: PDFHexString.fromText(p.name),
    Location: PDFHexString.fromText(p.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'OCOP Council' } }
  })
  // Written as raw bytes so pdf-lib never moves it into an object stream, where @signpdf could not find /ByteRange.
  const bytes = new Uint8Array(sig.sizeInBytes())
  sig.copyBytesInto(bytes, 0)
  const sigRef = doc.context.register(PDFInvalidObject.of(bytes))

  const ap = p.appearance ?? doc.context.register(doc.context.formXObject([], { BBox: [0, 0, p.rect[2] - p.rect[0], p.rect[3] - p.rect[1]], Resources: {} }))
  const widget = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: p.rect,
      V: sigRef,
      T: PDFHexString.fromText(`Chữ ký ${p.signingTime.getTime()}`),
      F: ANNOTATION_FLAGS.PRINT,
      P: p.page.ref,
      AP: { N: ap }
    })
  )
  const annots = p.page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? doc.context.obj([])
  annots.push(widget)
  p.page.node.set(PDFName.of('Annots'), annots)

  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)
  const formRef = doc.catalog.get(PDFName.of('AcroForm'))
  if (!form) {
    form = doc.context.obj({ Fields: [] })
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(form))
    changed.push(doc.context.trailerInfo.Root as PDFRef)
  } else changed.push(formRef instanceof PDFRef ? formRef : (doc.context.trailerInfo.Root as PDFRef))
  const fieldsRef = form.get(PDFName.of('Fields'))
  if (fieldsRef instanceof PDFRef) changed.push(fieldsRef)
  const flags = form.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0
  form.set(PDFName.of('SigFlags'), PDFNumber.of(flags | SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY))
  let fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray)
  if (!fields) {
    fields = doc.context.obj([])
    form.set(PDFName.of('Fields'), fields)
  }
  fields.push(widget)
  return { refs: changed }
}
