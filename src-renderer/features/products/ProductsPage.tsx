import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { PRODUCT_STATUSES, type ProductStatus } from '../../../src-main/shared/catalogue'
import { useApi, useQuery } from '../../api/context'
import { useRecordView } from '../../routing/hooks'
import { ImportButton } from '../catalogue-import/ImportButton'
import { CommuneSelect, foldFilter } from '../catalogue/CommuneSelect'
import { downloadBase64 } from '../catalogue/files'
import { Pager } from '../catalogue/Pager'
import { ExportProgress, useExportRun } from '../reports/ExportProgress'
import { ProductDetailView } from './ProductDetailView'
import { ProductForm } from './ProductForm'
import { SetSelect } from './SetSelect'

const PAGE_SIZE = 50
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Sản phẩm OCOP: paged list with filters (set, commune, status, stars), registration form, detail with dossier. */
export function ProductsPage() {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const [view, setView] = useRecordView()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 250)
  const [setId, setSetId] = useState<string | null>(null)
  const [commune, setCommune] = useState<string | null>(null)
  const [status, setStatus] = useState<ProductStatus | null>(null)
  const [stars, setStars] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)
  const province = useQuery('settings.getProvince', {})
  const filters = {
    ...(query.trim() ? { query } : {}),
    ...(setId ? { setId } : {}),
    ...(commune ? { communeCode: commune } : {}),
    ...(status ? { status } : {}),
    ...(stars ? { stars: Number(stars) } : {})
  }
  const list = useQuery('products.list', { page, pageSize: PAGE_SIZE, ...filters }, { skip: view.kind !== 'list' })
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v)
    setPage(1)
  }
  const exporting = useExportRun()
  const exportXlsx = async () => {
    const r = await exporting.run('catalogue', () => api.call('catalogue.exportXlsx', {}))
    if (!r.ok) return setNotice({ ok: false, text: r.error.message })
    downloadBase64(r.value.fileName, XLSX_MIME, r.value.contentBase64)
    setNotice({ ok: true, text: t('common.exported', { producers: r.value.producers, products: r.value.products }) })
  }

  if (view.kind === 'new') return <ProductForm year={new Date().getFullYear()} onSaved={(p) => setView({ kind: 'detail', id: p.id })} onCancel={() => setView({ kind: 'list' })} />
  if (view.kind === 'detail' || view.kind === 'edit') return <ProductDetailView id={view.id} onBack={() => setView({ kind: 'list' })} />

  return (
    <Stack data-testid="products-page">
      <Group justify="space-between">
        <Title order={2}>{t('products.title')}</Title>
        <Group>
          <Button variant="default" loading={exporting.busy !== null} onClick={() => void exportXlsx()}>{t('common.export')}</Button>
          <ImportButton onImported={list.reload} />
          <Button onClick={() => setView({ kind: 'new' })}>{t('products.add')}</Button>
        </Group>
      </Group>
      <ExportProgress busy={exporting.busy} step={exporting.step} />
      {notice ? <Alert color={notice.ok ? 'green' : 'red'} withCloseButton onClose={() => setNotice(null)}>{notice.text}</Alert> : null}
      <Group align="end">
        <TextInput label={t('common.search')} placeholder={t('common.searchHint')} value={search} onChange={(e) => filter(setSearch)(e.currentTarget.value)} w={260} />
        <SetSelect label={t('products.set')} placeholder={t('products.allSets')} value={setId} onChange={filter(setSetId)} clearable />
        <CommuneSelect provinceCode={province.data?.provinceCode ?? null} value={commune} onChange={filter(setCommune)} placeholder={t('common.allCommunes')} clearable />
        <Select label={t('products.status')} placeholder={t('products.allStatuses')} searchable filter={foldFilter} data={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} value={status} onChange={(v) => filter(setStatus)(v as ProductStatus | null)} clearable w={220} />
        <Select label={t('products.stars')} placeholder={t('products.allStars')} data={['3', '4', '5'].map((s) => ({ value: s, label: `${s}★` }))} value={stars} onChange={filter(setStars)} clearable w={160} />
      </Group>
      {list.error ? <Alert color="red">{list.error.message}</Alert> : null}
      <Table striped highlightOnHover withTableBorder data-loading={list.loading}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('products.code')}</Table.Th>
            <Table.Th>{t('products.name')}</Table.Th>
            <Table.Th>{t('products.producer')}</Table.Th>
            <Table.Th>{t('products.set')}</Table.Th>
            <Table.Th>{t('products.status')}</Table.Th>
            <Table.Th>{t('products.stars')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((p) => (
            <Table.Tr key={p.id} data-product-code={p.code} style={{ cursor: 'pointer' }} onClick={() => setView({ kind: 'detail', id: p.id })}>
              <Table.Td><Anchor component={Link} href={`/${p.id}`} onClick={(e: MouseEvent) => e.stopPropagation()}>{p.code}</Anchor></Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.producerName}</Table.Td>
              <Table.Td>{p.setNo}. {p.setName}</Table.Td>
              <Table.Td><Badge variant="light" data-status={p.status}>{t(`statuses.${p.status}`)}</Badge></Table.Td>
              <Table.Td>{p.stars ? '★'.repeat(p.stars) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data ? <Pager total={list.data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} /> : null}
    </Stack>
  )
}
