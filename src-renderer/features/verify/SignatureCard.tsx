import { Badge, Card, Group, List, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PdfCheck } from '../../../src-main/shared/contract'
import { formatDateTime } from '../../../src-main/shared/vn-format'

type Signature = PdfCheck['signatures'][number]

/** One signature of the checked PDF: valid or not, who signed and when, and why not when it is not. */
export function SignatureCard({ s, n }: { s: Signature; n: number }) {
  const { t } = useTranslation('verify')
  const row = (label: string, value: string | null) => (
    <Table.Tr>
      <Table.Td w={180}>{label}</Table.Td>
      <Table.Td>{value ?? '—'}</Table.Td>
    </Table.Tr>
  )
  return (
    <Card withBorder data-testid="signature" data-valid={s.valid ? 'true' : 'false'}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>{t('signature', { n })}</Text>
          <Badge color={s.valid ? 'green' : 'red'}>{s.valid ? t('valid') : t('invalid')}</Badge>
        </Group>
        <Table>
          <Table.Tbody>
            {row(t('signer'), s.signerName)}
            {row(t('subject'), s.signerSubject)}
            {row(t('issuer'), s.issuer)}
            {row(t('signingTime'), s.signingTime ? formatDateTime(s.signingTime, { withSeconds: true }) : null)}
            {row(t('certValidity'), s.certValidFrom && s.certValidTo ? `${s.certValidFrom.slice(0, 10)} – ${s.certValidTo.slice(0, 10)}` : null)}
            {row(t('format'), [s.subFilter, s.digestAlgorithm].filter(Boolean).join(', '))}
            {row(t('coverage'), s.coversWholeFile ? t('coversAll') : t('coversPart'))}
          </Table.Tbody>
        </Table>
        {s.problems.length > 0 ? (
          <List size="sm" c="red">
            {s.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        ) : null}
        <Text size="xs" c="dimmed">{t('trustNote')}</Text>
      </Stack>
    </Card>
  )
}
