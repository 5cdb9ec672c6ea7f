import { Badge } from '@mantine/core'
import type { StarLevel } from '../../../src-main/shared/criteria'

const COLORS: Record<StarLevel, string> = { 3: 'yellow', 4: 'orange', 5: 'red' }

/** The printed *** / **** / ***** marker: the minimum to reach for that star level (Phụ lục II, Ghi chú). */
export function StarMarker({ level }: { level: StarLevel }) {
  return (
    <Badge
      color={COLORS[level]}
      variant="filled"
      size="sm"
      radius="sm"
      data-marker={level}
      aria-label={`Yêu cầu tối thiểu hạng ${level} sao`}
      title={`Yêu cầu tối thiểu hạng ${level} sao`}
      style={{ flexShrink: 0 }}
      styles={{ label: { letterSpacing: 1, overflow: 'visible' } }}
    >
      {'*'.repeat(level)}
    </Badge>
  )
}
