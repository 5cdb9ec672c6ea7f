import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Producer } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'

/**
 * «Gộp chủ thể trùng»: the clerk picks the duplicate of the producer on screen; the confirmation names both and the
 * number of products that move. The duplicate is removed, its products keep their codes, the audit log keeps it all.
 */
export function MergeProducer({ keep, onMerged }: { keep: Producer; onMerged: () => void }) {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 250)
  const [picked, setPicked] = useState<Producer | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const list = useQuery('producers.list', { pageSize: 20, ...(query.trim() ? { query } : keep.communeCode !== null ? { communeCode: keep.communeCode } : {}) }, { skip: !open })
  const others = (list.data?.items ?? []).filter((p) => p.id !== keep.id)
  const close = () => {
    setOpen(false)
    setPicked(null)
    setFailure(null)
  }
  const merge = async () => {
    if (!picked) return
    setBusy(true)
    const r = await api.call('producers.merge', { keepId: keep.id, mergeId: picked.id })
    setBusy(false)
    if (!r.ok) return setFailure(r.error.message)
    close()
    onMerged()
  }
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>{t('merge.open')}</Button>
      <Modal opened={open} onClose={close} title={t('merge.title', { name: keep.name })} size="lg">
        <Stack data-testid="merge-producer">
          <Text size="sm">{t('merge.intro')}</Text>
          <Select
            label={t('merge.pick')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            data={others.map((p) => ({ value: String(p.id), label: `${p.name}${p.regNo ? ` (${p.regNo})` : ''} · ${p.communeName} · ${t('merge.products', { count: p.productCount })}` }))}
            value={picked ? String(picked.id) : null}
            onChange={(v) => setPicked(others.find((p) => String(p.id) === v) ?? null)}
            nothingFoundMessage={t('merge.none')}
            comboboxProps={{ withinPortal: true }}
          />
          {picked ? (
            <Alert color="orange" data-testid="merge-confirm">
              {t('merge.confirm', { drop: picked.name, keep: keep.name, count: picked.productCount })}
            </Alert>
          ) : null}
          {failure ? <Alert color="red" role="alert">{failure}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button color="orange" disabled={!picked || busy} onClick={() => void merge()}>{t('merge.do')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
