import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { QuorumStatus } from '../../../src-main/shared/api/sessions'

/** Live quorum of the council's Quy chế, with why it does not hold. */
export function QuorumBadge({ quorum }: { quorum: QuorumStatus }) {
  const { t } = useTranslation('sessions')
  return (
    <Group gap="xs" data-testid="quorum" data-holds={quorum.holds}>
      <Badge color={quorum.holds ? 'green' : 'red'} size="lg">
        {t(quorum.holds ? 'quorum.holds' : 'quorum.fails', { present: quorum.present, total: quorum.total, required: quorum.required })}
      </Badge>
      {quorum.reasons.map((r) => (
        <Text key={r} size="sm" c="red.8">{r}</Text>
      ))}
    </Group>
  )
}
