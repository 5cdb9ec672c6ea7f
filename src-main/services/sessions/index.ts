import type { DB } from '../../db/connection'
import type { AdminUnits } from '../admin-units-service'
import type { CriteriaService } from '../criteria-service'
import { createAuditObjects } from './audit-list'
import { createGroupCommit } from './group-commit'
import { createJoinCodeService } from './join-code-service'
import { createReviewService } from './review-service'
import { createSessionService } from './session-service'
import { createSheetService } from './sheet-service'
import { createStore } from './store'
import { checkIntegrity } from './integrity'

/** The audit screen's words for each event kind (a test checks that every `store.audit` kind has one). */
export const AUDIT_LABELS: Record<string, string> = {
  'round.create': 'Tạo đợt đánh giá',
  'round.update': 'Sửa đợt đánh giá',
  'round.remove': 'Xóa đợt đánh giá',
  'session.create': 'Tạo phiên họp',
  'session.update': 'Sửa phiên họp',
  'session.remove': 'Xóa phiên họp',
  'session.agenda': 'Cập nhật chương trình phiên họp',
  'session.status': 'Chuyển bước phiên họp',
  'session.finalize': 'Chốt kết quả phiên họp',
  'attendance.set': 'Điểm danh',
  'conflict.declare': 'Khai báo xung đột lợi ích',
  'answer.save': 'Lưu câu trả lời',
  'sheet.comment': 'Lưu ý kiến người đánh giá',
  'sheet.knockout': 'Đánh dấu quy định loại/dừng',
  'sheet.submit': 'Ký nộp phiếu',
  'paper.pass': 'Nhập phiếu giấy',
  'review.agree': 'Ghi phương án thống nhất',
  'review.knockout': 'Quyết định về quy định loại',
  'review.rescore': 'Mở vòng chấm lại',
  'result.amend': 'Lập bản đính chính',
  'minutes.text': 'Soạn nội dung biên bản',
  'document.issue': 'Ban hành văn bản (cấp số)',
  'certificate.recorded': 'Ghi giấy chứng nhận cấp trước khi dùng phần mềm',
  'certificate.replaced': 'Thay thế giấy chứng nhận khi cấp giấy mới sau đánh giá lại / nâng hạng',
  'joincode.issue': 'Cấp mã tham gia',
  'joincode.revoke': 'Thu hồi mã tham gia',
  'joincode.exchange': 'Thành viên dùng mã tham gia',
  'inspection.plan': 'Lập kế hoạch kiểm tra sau công nhận',
  'inspection.plan.items': 'Điều chỉnh danh sách sản phẩm của kế hoạch kiểm tra',
  'inspection.record': 'Lập biên bản kiểm tra sau công nhận',
  'inspection.evidence': 'Lưu tài liệu chứng cứ kiểm tra',
  'product.reregister': 'Đăng ký đánh giá lại / nâng hạng sản phẩm',
  'backup.restore': 'Khôi phục dữ liệu từ bản sao lưu',
  'producer.update': 'Cập nhật chủ thể khi nhập lại từ Excel',
  'product.update': 'Cập nhật sản phẩm khi nhập lại từ Excel',
  'producer.merge': 'Gộp chủ thể trùng',
  'producer.move-products': 'Chuyển sản phẩm theo xã mới của chủ thể'
}

/** The session area's services over one store, for createCore and the CLI. */
/** `units` names the producer's commune and province in the sheet header (the CLI, which prints no sheet, omits it). */
export function createSessionServices(db: DB, criteria: CriteriaService, criteriaVersion: string, now: () => Date = () => new Date(), units?: Pick<AdminUnits, 'commune' | 'province'>) {
  const store = createStore(db)
  const objectOf = createAuditObjects(db)
  const listEvents = db.prepare(`SELECT seq, at, kind, session_id, actor, content FROM audit_events
    WHERE (@sessionId IS NULL OR session_id = @sessionId) AND (@before IS NULL OR seq < @before) ORDER BY seq DESC LIMIT @limit`)
  return {
    store,
    sessions: createSessionService(db, store, criteriaVersion, now),
    sheets: createSheetService(db, store, criteria, now, units),
    review: createReviewService(db, store, criteria, now),
    joinCodes: createJoinCodeService(db, store, now),
    /** Answer saves arriving together share one commit (one fsync). */
    groupCommit: createGroupCommit(db),
    audit: {
      verify: (expectHead?: string) => checkIntegrity(db, { expectHead }),
      list(i: { sessionId?: number | undefined; beforeSeq?: number | undefined; limit: number }) {
        const rows = listEvents.all({ sessionId: i.sessionId ?? null, before: i.beforeSeq ?? null, limit: i.limit }) as Array<{ seq: number; at: string; kind: string; session_id: number | null; actor: string; content: string }>
        return rows.map((r) => ({ seq: r.seq, at: r.at, kind: r.kind, sessionId: r.session_id, actor: r.actor, summary: AUDIT_LABELS[r.kind] ?? r.kind, object: objectOf(r.kind, r.content) }))
      }
    }
  }
}
export type SessionServices = ReturnType<typeof createSessionServices>
