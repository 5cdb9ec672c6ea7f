import type { Core } from '../../../src-main/core'
import type { Input } from '../../../src-main/shared/contract'
import { ok } from '../../utils/core'

/** Lâm Đồng (68), Phường Lâm Viên - Đà Lạt (24778) and Xã Lạc Dương (24848) are used across the catalogue tests. */
export const LAM_DONG = '68'

export function producerInput(over: Partial<Input<'producers.create'>> = {}): Input<'producers.create'> {
  return {
    kind: 'htx',
    name: 'Hợp tác xã Nông nghiệp Đà Lạt',
    regNo: '5800123456',
    repName: 'Nguyễn Thị Hoa',
    repGender: 'nu',
    repEthnicity: 'Kinh',
    repDisability: false,
    provinceCode: LAM_DONG,
    communeCode: '24778',
    street: '12 Trần Phú',
    phone: '0263 3822 111',
    email: 'HTX@example.vn',
    ...over
  }
}

export async function seedProducer(core: Core, over: Partial<Input<'producers.create'>> = {}) {
  return ok(core, 'producers.create', producerInput(over))
}
