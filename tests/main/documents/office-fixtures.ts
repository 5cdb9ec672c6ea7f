import type { AdviceDocInput, OfficeHead, PlanDocInput, RecordDocInput, ReportDocInput } from '../../../src-main/documents/office/model'
import { FINDING_RESULTS, INSPECTION_ITEMS, INSPECTION_OUTCOMES, PLAN_REASONS } from '../../../src-main/shared/inspection'

/** Inputs of the office's four documents (issue 14) for the layout and LibreOffice checkers, issued or draft. */
export function officeHead(number: number | null, date: string, recipients: string[] = ['Ủy ban nhân dân tỉnh (b/c)', 'Bộ Nông nghiệp và Môi trường (b/c)']): OfficeHead {
  return {
    provinceName: 'Lâm Đồng',
    provinceUnit: 'tỉnh Lâm Đồng',
    placeName: 'Lâm Đồng',
    committeeName: 'Ủy ban nhân dân tỉnh Lâm Đồng',
    agency: { parent: 'Ủy ban nhân dân tỉnh Lâm Đồng', name: 'Sở Nông nghiệp và Môi trường', symbol: 'SNNMT', signer: { authority: 'KT', authorityOf: 'Giám đốc', title: 'Phó Giám đốc', name: 'Nguyễn Thị Hồng Nhung' } },
    issue: { number, date },
    recipients
  }
}

const PRODUCERS = ['Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Sản xuất Kinh doanh Nông sản Sạch Đức Trọng', 'Công ty TNHH Trà Bảo Lộc', 'Hộ kinh doanh Nguyễn Văn Tư']

export function planInput(items = 6, number: number | null = 3): PlanDocInput {
  const reasons = Object.values(PLAN_REASONS)
  return {
    head: officeHead(number, '2027-01-05', ['Ủy ban nhân dân tỉnh (b/c)', 'Ủy ban nhân dân các xã, phường có sản phẩm', 'Các chủ thể có sản phẩm được kiểm tra']),
    year: 2027,
    name: 'Kế hoạch hậu kiểm năm 2027',
    basis: ['Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm;', 'Căn cứ chức năng, nhiệm vụ của Sở Nông nghiệp và Môi trường.'],
    items: Array.from({ length: items }, (_, k) => ({
      code: `68-24778-2025-${k + 1}`,
      name: k === 0 ? 'Bánh tráng gạo lứt mè đen nướng than hoa truyền thống làng nghề Đức Trọng' : `Trà Ô long Bảo Lộc loại ${k + 1}`,
      producer: PRODUCERS[k % PRODUCERS.length]!,
      commune: 'Phường Lâm Viên - Đà Lạt',
      stars: 3 + (k % 2),
      certificate: `${String(k + 1).padStart(2, '0')}/GCN-OCOP`,
      expiryDate: '2027-11-30',
      reasons: [reasons[k % reasons.length]!, reasons[(k + 2) % reasons.length]!],
      note: k === 1 ? 'Phản ánh của người tiêu dùng về nhãn sản phẩm' : ''
    }))
  }
}

export function recordInput(number: number | null = 7): RecordDocInput {
  return {
    head: officeHead(number, '2027-04-15', []),
    kind: 'Kiểm tra định kỳ',
    inspectedOn: '2027-04-15',
    place: 'Thôn 3, xã Tà Nung, tỉnh Lâm Đồng',
    team: ['Trần Văn An - Trưởng đoàn, Sở Nông nghiệp và Môi trường', 'Lê Thị Bình, Chi cục Chất lượng, Chế biến và Phát triển thị trường'],
    lead: 'Trần Văn An',
    planRef: 'Kế hoạch số 03/KH-SNNMT ngày 05/01/2027',
    followUpRef: null,
    product: { name: 'Cà phê Arabica Cầu Đất rang xay', code: '68-24778-2025-2', stars: 4, certificate: '12/GCN-OCOP', expiryDate: '2028-03-10' },
    producer: { name: PRODUCERS[0]!, address: 'Thôn 3, xã Tà Nung, tỉnh Lâm Đồng', representative: 'Nguyễn Thị Hoa' },
    findings: Object.entries(INSPECTION_ITEMS).map(([item, text], k) => ({
      item: text,
      result: k === 0 ? FINDING_RESULTS.fail : k === 5 ? FINDING_RESULTS.advice : FINDING_RESULTS.pass,
      note: k === 0 ? 'Phiếu kiểm nghiệm số 123/KN hết hiệu lực từ 01/3/2027' : k === 5 ? `Nhãn chưa ghi hạng sao (${item})` : '',
      evidence: k === 0 ? [{ name: 'Phiếu kiểm nghiệm 2026.pdf', sha256: 'ab12cd34ef56'.padEnd(64, '0') }] : []
    })),
    outcome: 'recommendations',
    recommendation: 'Kiểm nghiệm lại sản phẩm; bổ sung hạng sao trên nhãn',
    deadline: '2027-05-15',
    revocationGround: null
  }
}

export function adviceInput(number: number | null = 2): AdviceDocInput {
  return {
    head: officeHead(number, '2027-06-20', ['Như trên', 'UBND xã Tà Nung (phối hợp)']),
    product: { name: 'Mứt dâu tây Đà Lạt', code: '68-24778-2026-4', producer: PRODUCERS[1]!, commune: 'xã Tà Nung', setTitle: 'Bộ tiêu chí số 06 (Chế biến từ quả)' },
    batch: 'đợt 2 năm 2026',
    sessionDate: '2026-11-20',
    stars: 3,
    mean: 68.5,
    target: 4,
    plan: {
      meanBefore: 68.5,
      meanAfter: 72.5,
      changes: [
        { criterion: '2.3. Phong cách, ghi nhãn hàng hóa', current: 'Có nhãn, ghi nhãn hàng hóa đầy đủ', target: 'Ghi nhãn đầy đủ, đẹp, có mã truy xuất nguồn gốc điện tử', gain: 2, markers: [4] },
        { criterion: '4.1. Khu vực phân phối chính', current: 'Thị trường ngoài địa bàn cấp xã, có dưới 5 đại lý', target: 'Thị trường ngoài địa bàn cấp xã, có ≥ 5 đại lý', gain: 2, markers: [] }
      ]
    },
    message: null,
    comments: ['Cần hoàn thiện câu chuyện sản phẩm', 'Bao bì nên dùng vật liệu thân thiện môi trường'],
    certificate: { number: '08/GCN-OCOP', expiryDate: '2028-12-01' }
  }
}

export function reportInput(number: number | null = 5, communes = 12): ReportDocInput {
  const stars = ['3 sao', '4 sao', '5 sao']
  return {
    head: officeHead(number, '2027-07-05', ['Bộ Nông nghiệp và Môi trường (b/c)', 'Văn phòng Điều phối nông thôn mới Trung ương (b/c)', 'Ủy ban nhân dân tỉnh (b/c)']),
    period: { from: '2027-01-01', to: '2027-06-30' },
    periodText: '6 tháng đầu năm 2027',
    evaluations: { total: 14, firstTime: 10, upgrade: 3, reEvaluation: 1, byStars: ['Không xếp hạng (bị loại, dừng đánh giá)', '1 sao', '2 sao', ...stars].map((label, k) => ({ label, count: k })), recognised: 7, proposedFiveStar: 5 },
    certificates: { issued: 7, issuedByStars: stars.map((label, k) => ({ label, count: 4 - k })), revoked: 1, expired: 2 },
    portfolio: {
      valid: 60,
      byStars: stars.map((label, k) => ({ label, count: 40 - k * 15 })),
      bySector: [{ label: 'Thực phẩm', count: 45 }, { label: 'Đồ uống', count: 15 }],
      byCommune: Array.from({ length: communes }, (_, k) => ({ label: `Phường ${k + 1}`, count: 5 }))
    },
    inspections: {
      total: 9,
      adHoc: 2,
      byOutcome: Object.values(INSPECTION_OUTCOMES).map((label, k) => ({ label, count: 3 * (k + 1) - 3 })),
      failedItems: [{ label: INSPECTION_ITEMS['quality-standard'], count: 2 }]
    }
  }
}
