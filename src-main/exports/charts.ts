import type { MemberStats } from '../domain/member-analytics'
import type { Certificate, Dashboard } from '../shared/api/certificates'
import type { Column } from './columns'
import { addSheet, workbook, xlsxBytes } from './writers'

/** The dashboard's and the reports' chart data as one workbook: one sheet per chart, the same numbers as on screen. */
export const CHART_SHEETS = {
  stars: 'Theo hạng sao',
  sector: 'Theo ngành',
  commune: 'Theo xã',
  round: 'Theo đợt',
  expiring: 'GCN sắp hết hạn',
  reminders: 'Nhắc đánh giá lại',
  members: 'Thành viên'
} as const

const COUNT: Column[] = [
  { key: 'label', header: 'Nhóm', type: 'text' },
  { key: 'count', header: 'Số sản phẩm', type: 'integer' }
]
const ROUND: Column[] = [
  { key: 'label', header: 'Đợt đánh giá', type: 'text' },
  { key: 'star3', header: '3 sao', type: 'integer' },
  { key: 'star4', header: '4 sao', type: 'integer' },
  { key: 'star5', header: '5 sao (đề xuất)', type: 'integer' },
  { key: 'notRecognised', header: 'Không đạt', type: 'integer' }
]
const CERT: Column[] = [
  { key: 'number', header: 'Số GCN', type: 'text' },
  { key: 'productCode', header: 'Mã sản phẩm', type: 'text' },
  { key: 'productName', header: 'Tên sản phẩm', type: 'text' },
  { key: 'producerName', header: 'Chủ thể', type: 'text' },
  { key: 'stars', header: 'Hạng sao', type: 'integer' },
  { key: 'issuedOn', header: 'Ngày cấp', type: 'date' },
  { key: 'expiryDate', header: 'Ngày hết hạn', type: 'date' },
  { key: 'daysLeft', header: 'Số ngày còn lại', type: 'integer' },
  { key: 'opens', header: 'Nộp hồ sơ đánh giá lại từ', type: 'date' },
  { key: 'closes', header: 'Nộp hồ sơ đánh giá lại đến', type: 'date' }
]
const MEMBER: Column[] = [
  { key: 'name', header: 'Thành viên', type: 'text' },
  { key: 'rounds', header: 'Số đợt', type: 'integer' },
  { key: 'products', header: 'Số phiếu được tính', type: 'integer' },
  { key: 'meanDeviation', header: 'Chênh lệch trung bình so với điểm Hội đồng', type: 'number' },
  { key: 'meanAbsDeviation', header: 'Chênh lệch tuyệt đối trung bình', type: 'number' },
  { key: 'decisive', header: 'Số lần bỏ phiếu này làm đổi hạng sao', type: 'integer' },
  { key: 'decisiveShare', header: 'Tỉ lệ làm đổi hạng sao', type: 'number' }
]

const certRow = (c: Certificate) => ({
  number: c.number,
  productCode: c.productCode,
  productName: c.productName,
  producerName: c.producerName,
  stars: c.stars,
  issuedOn: c.issuedOn,
  expiryDate: c.expiryDate,
  daysLeft: c.daysLeft,
  opens: c.window.opens,
  closes: c.window.closes
})

export async function chartsWorkbook(d: Dashboard, members: readonly MemberStats[], now: Date): Promise<Buffer> {
  const wb = workbook(now)
  addSheet(wb, CHART_SHEETS.stars, COUNT, d.byStars)
  addSheet(wb, CHART_SHEETS.sector, COUNT, d.bySector)
  addSheet(wb, CHART_SHEETS.commune, COUNT, d.byCommune)
  addSheet(wb, CHART_SHEETS.round, ROUND, d.byRound)
  addSheet(wb, CHART_SHEETS.expiring, CERT, d.expiring.map(certRow))
  addSheet(wb, CHART_SHEETS.reminders, CERT, d.reminders.map(certRow))
  addSheet(wb, CHART_SHEETS.members, MEMBER, members.map((m) => ({ ...m })))
  return xlsxBytes(wb)
}
