import { Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Certificate } from '../../../src-main/shared/contract'
import { formatDay } from '../../../src-main/shared/vn-format'

/**
 * "Đã được thay thế bởi Giấy chứng nhận số … theo Quyết định số …" under a replaced certificate (RULES 27a). The
 * number leads to the new certificate: its row when the same table shows it, else the product's page (both
 * certificates are listed there).
 */
export function ReplacedBy({ c }: { c: Certificate }) {
  const { t } = useTranslation('reports')
  if (!c.replacedBy) return null
  const to = c.replacedBy
  const open = () => {
    const row = document.querySelector<HTMLElement>(`[data-cert-id="${to.id}"]`)
    // Focusing the row scrolls it into view.
    if (row) row.focus()
    else window.location.hash = `#/products/${c.productId}`
  }
  return (
    <Text size="xs" c="dimmed" data-testid={`cert-replaced-by-${c.id}`}>
      {t('cert.replacedBy')}{' '}
      <Anchor component="button" type="button" size="xs" ta="left" onClick={open} data-testid={`cert-successor-${to.id}`}>
        {t('cert.replacedByNumber', { number: to.number })}
      </Anchor>{' '}
      {t('cert.replacedByDecision', { decision: to.decisionNo, date: formatDay(to.on) })}
    </Text>
  )
}
