import { Alert, Badge, Button, Grid, Group, Loader, Stack, Table, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/context'
import { DossierPanel } from './DossierPanel'
import { ExportInfoForm } from './ExportInfoForm'
import { ProductEdit } from './ProductEdit'
import { ProductCertificates, ProductEvaluations } from './ProductRecord'
import { ReregisterForm } from './ReregisterForm'
import { StatusChanger } from './StatusChanger'
import { formatDateTime } from '../../../src-main/shared/vn-format'

export function ProductDetailView({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation('catalogue')
  const q = useQuery('products.get', { id })
  const [editing, setEditing] = useState(false)
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!q.data) return <Loader />
  const p = q.data
  return (
    <Stack data-testid="product-detail" data-product-code={p.code} data-status={p.status}>
      <Group justify="space-between">
        <Title order={3}>{p.name}</Title>
        <Group>
          <Button variant="default" onClick={onBack}>{t('common.back')}</Button>
          {!editing ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {editing ? (
            <ProductEdit
              product={p}
              onDone={(result) => {
                setEditing(false)
                if (result === 'deleted') onBack()
                else if (result === 'saved') q.reload()
              }}
            />
          ) : null}
          <Table withTableBorder>
            <Table.Tbody>
              <Table.Tr><Table.Th>{t('products.code')}</Table.Th><Table.Td data-field="code">{p.code}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th>{t('products.formNo')}</Table.Th><Table.Td data-field="formNo">{p.formNo}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th>{t('products.producer')}</Table.Th><Table.Td>{p.producerName}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th>{t('common.commune')}</Table.Th><Table.Td>{p.communeName}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th>{t('products.set')}</Table.Th><Table.Td>{p.setNo}. {p.setName}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th>{t('products.registrationType')}</Table.Th><Table.Td>{t(`regTypes.${p.registrationType}`)}</Table.Td></Table.Tr>
              <Table.Tr>
                <Table.Th>{t('products.status')}</Table.Th>
                <Table.Td><Badge data-field="status">{t(`statuses.${p.status}`)}</Badge>{p.stars ? ` ${'★'.repeat(p.stars)}` : ''}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Title order={5} mt="md">{t('products.change')}</Title>
          <StatusChanger product={p} onChanged={() => q.reload()} />
          {p.status === 'certificate-valid' ? (
            <>
              <Title order={5} mt="md">{t('reevaluation:reregister.title')}</Title>
              <ReregisterForm product={p} onDone={() => q.reload()} />
            </>
          ) : null}
          <Title order={5} mt="md">{t('products.history')}</Title>
          <Table withTableBorder data-testid="status-history">
            <Table.Thead>
              <Table.Tr><Table.Th>{t('products.at')}</Table.Th><Table.Th>{t('products.status')}</Table.Th><Table.Th>{t('products.reason')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.history.map((h, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{formatDateTime(h.at)}</Table.Td>
                  <Table.Td>{t(`statuses.${h.toStatus}`)}{h.stars ? ` ${h.stars}★` : ''}</Table.Td>
                  <Table.Td>{h.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={5} mt="md">{t('product-history:sections.evaluations')}</Title>
          <ProductEvaluations productId={p.id} />
          <Title order={5} mt="md">{t('product-history:sections.certificates')}</Title>
          <ProductCertificates productId={p.id} onChanged={() => q.reload()} />
          <Title order={5} mt="md">{t('product-history:sections.exportInfo')}</Title>
          <ExportInfoForm productId={p.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <DossierPanel key={`${p.id}-${p.status}`} productId={p.id} onChanged={() => q.reload()} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
