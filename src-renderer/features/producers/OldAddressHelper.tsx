import { Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OldAddressMatch } from '../../../src-main/shared/admin-units'
import { useApi } from '../../api/context'

/** Offers new units (after 1/7/2025) for a free-text old address; the mapping only suggests, the user decides. */
export function OldAddressHelper({ address, onPick }: { address: string; onPick: (m: OldAddressMatch) => void }) {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const [hits, setHits] = useState<OldAddressMatch[] | null>(null)
  const suggest = async (): Promise<void> => {
    const r = await api.call('admin.oldToNew', { address, limit: 5 })
    setHits(r.ok ? r.value : [])
  }
  return (
    <Stack gap={4}>
      <Group>
        <Button size="xs" variant="light" disabled={address.trim().length < 2} onClick={() => void suggest()}>
          {t('producers.convert')}
        </Button>
      </Group>
      {hits && hits.length === 0 ? <Text size="sm" c="dimmed">{t('producers.noSuggestion')}</Text> : null}
      {hits?.map((h) => (
        <Group key={`${h.oldName}|${h.oldDistrict}|${h.communeCode}`} gap="xs" data-suggestion={h.communeCode}>
          <Text size="sm">
            {h.oldName}, {h.oldDistrict}, {h.oldProvince} → <b>{h.communeName}</b>, {h.provinceName}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onPick(h)}>
            {t('producers.useSuggestion')}
          </Button>
        </Group>
      ))}
    </Stack>
  )
}
