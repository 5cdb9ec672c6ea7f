import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { IconFolderOpen } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export interface SheetHeaderInfo {
  productName: string
  /** "(T)-(X)-(STT)-20..", QĐ 26/2026 Phụ lục II; null while the product has no code yet. */
  productCode: string | null
  producerName: string
  producerPhone?: string
  producerAddress?: string
}

export interface SheetHeaderProps {
  info: SheetHeaderInfo
  setNo: number
  setName: string
  memberName: string
  /** Re-score rounds are numbered from 2; round 1 is shown without a label. */
  round?: number
  /** Opens the producer's dossier; the button is hidden without it. */
  onOpenDossier?: () => void
}

/** The printed header of every sheet (Phụ lục II, "kiêm phiếu đánh giá sản phẩm OCOP"). */
export function SheetHeader({ info, setNo, setName, memberName, round, onOpenDossier }: SheetHeaderProps) {
  const { t } = useTranslation('scoring')
  return (
    <Paper withBorder p="sm" data-testid="sheet-header">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h3">
            {t('header.title', { no: setNo })}
          </Title>
          <Text size="sm" c="dimmed">{setName}</Text>
        </div>
        <Group gap="xs">
          {round && round > 1 ? <Text fw={700} c="orange.8" data-round={round}>{t('header.round', { n: round })}</Text> : null}
          {onOpenDossier ? (
            <Button variant="light" leftSection={<IconFolderOpen size={16} />} onClick={onOpenDossier} data-testid="open-dossier">
              {t('header.dossier')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
        <Field label={t('header.productName')} value={info.productName} strong />
        <Field label={t('header.productCode')} value={info.productCode ?? t('header.noCode')} />
        <Field label={t('header.producer')} value={info.producerName} />
        <Field label={t('header.phone')} value={info.producerPhone || '—'} />
        <Field label={t('header.address')} value={info.producerAddress || '—'} />
        <Field label={t('header.assessor')} value={memberName} />
      </SimpleGrid>
    </Paper>
  )
}

function Field({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">{label}: </Text>
      <Text span fw={strong ? 700 : 500}>{value}</Text>
    </Text>
  )
}
