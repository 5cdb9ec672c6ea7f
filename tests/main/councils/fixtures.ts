import type { CouncilPayloadInput } from '../../../src-main/shared/api/councils'

const ORGS = ['UBND tỉnh', 'Sở Nông nghiệp và Môi trường', 'Sở Công Thương', 'Sở Y tế', 'Sở Khoa học và Công nghệ', 'Sở Văn hóa, Thể thao và Du lịch']

/** A council as the establishing decision lists it: chair, vice-chair, members, and a secretary (9 people). */
export function ninePeopleCouncil(over: Partial<CouncilPayloadInput> = {}): CouncilPayloadInput {
  const roles = ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member', 'member', 'secretary'] as const
  return {
    name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tây Ninh năm 2026',
    periodFrom: '2026-07-01',
    periodTo: '2027-06-30',
    decisionNo: '1234/QĐ-UBND',
    decisionDate: '2026-06-20',
    signerName: 'Nguyễn Văn Ánh',
    signerTitle: 'Phó Chủ tịch UBND tỉnh',
    members: roles.map((role, i) => ({
      role,
      fullName: `Thành viên Số ${i + 1}`,
      gender: i % 2 ? 'female' : 'male',
      organisation: ORGS[i % ORGS.length]!,
      jobTitle: i === 0 ? 'Phó Chủ tịch UBND tỉnh' : 'Chuyên viên',
      phone: `0912 345 67${i}`,
      email: `tv${i + 1}@tayninh.gov.vn`
    })),
    advisory: [
      { role: 'leader', fullName: 'Lê Văn Tổ Trưởng', organisation: 'Chi cục Phát triển nông thôn', jobTitle: 'Chi cục trưởng' },
      { role: 'member', fullName: 'Phạm Thị Tư Vấn', organisation: 'Sở Công Thương', jobTitle: 'Chuyên viên' }
    ],
    ...over
  }
}
