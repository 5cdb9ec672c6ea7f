import type { DB } from '../../db/connection'
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/documents'

const STATUS: Record<string, string> = { draft: 'Nháp', open: 'Mở', scoring: 'Đang chấm', review: 'Xem xét', finalized: 'Đã chốt' }

/**
 * "What the event is about" in words for the audit screen: product, member, criterion and round named from the
 * event's stored content; a product or member removed since is shown by its id.
 */
export function createAuditObjects(db: DB) {
  const product = db.prepare('SELECT code, name FROM products WHERE id = ?')
  const member = db.prepare('SELECT full_name FROM session_members WHERE id = ?')
  const sheet = db.prepare('SELECT product_id, member_id, scoring_round FROM sheets WHERE id = ?')

  const productText = (id: number) => {
    const p = product.get(id) as { code: string; name: string } | undefined
    return p ? `Sản phẩm ${p.name}${p.code ? ` (${p.code})` : ''}` : `Sản phẩm #${id}`
  }
  const memberText = (id: number) => {
    const m = member.get(id) as { full_name: string } | undefined
    return m ? `Thành viên ${m.full_name}` : `Thành viên #${id}`
  }

  return function objectOf(kind: string, content: string): string {
    let data: Record<string, unknown> = {}
    try {
      const parsed = (JSON.parse(content) as { data?: unknown }).data
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>
    } catch {
      return ''
    }
    const num = (k: string) => (typeof data[k] === 'number' ? (data[k] as number) : null)
    let productId = num('productId')
    let memberId = num('memberId')
    let round = num('scoringRound')
    const sheetId = num('sheetId')
    if (sheetId !== null && (productId === null || memberId === null || round === null)) {
      const s = sheet.get(sheetId) as { product_id: number; member_id: number; scoring_round: number } | undefined
      if (s) {
        productId = s.product_id
        memberId = s.member_id
        round = round ?? s.scoring_round
      }
    }
    const parts: string[] = []
    if (kind.startsWith('round.') && num('roundId') !== null) parts.push(`Đợt #${num('roundId')}`)
    if (kind === 'session.status' && typeof data.from === 'string' && typeof data.to === 'string')
      parts.push(`${STATUS[data.from] ?? data.from} → ${STATUS[data.to] ?? data.to}`)
    if (kind === 'document.issue' && typeof data.kind === 'string' && data.kind in DOCUMENT_KINDS)
      parts.push(`${DOCUMENT_KINDS[data.kind as DocumentKind].label}${typeof data.number === 'string' ? ` số ${data.number}` : ''}`)
    if (kind === 'session.agenda' && Array.isArray(data.productIds)) parts.push(`${data.productIds.length} sản phẩm`)
    if (productId !== null) parts.push(productText(productId))
    if (memberId !== null) parts.push(memberText(memberId))
    if (typeof data.criterionCode === 'string') parts.push(`Tiêu chí ${data.criterionCode}`)
    if (round !== null && round > 1) parts.push(`Vòng ${round}`)
    if (num('pass') !== null) parts.push(`Lần nhập ${num('pass')}`)
    return parts.join(' · ')
  }
}
