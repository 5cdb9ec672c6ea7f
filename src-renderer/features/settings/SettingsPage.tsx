import { Alert, Code, Loader, SegmentedControl, Stack, Table, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import type { Language } from '../../i18n'
import { BackupPanel } from './BackupPanel'
import { DisplaySettings } from './DisplaySettings'
import { DocumentSettingsPanel } from './DocumentSettingsPanel'
import { ProvinceSettings } from './ProvinceSettings'

/** Cài đặt: interface language (stored in the DB), large text (this device) and where the data lives. */
export function SettingsPage() {
  const { t, i18n } = useTranslation('settings')
  const api = useApi()
  const info = useQuery('app.info', {})
  const change = async (language: Language): Promise<void> => {
    const r = await api.call('settings.setUi', { language })
    if (r.ok) await i18n.changeLanguage(r.value.language)
  }
  return (
    <Stack maw={720}>
      <Title order={2}>{t('title')}</Title>
      <div>
        <Title order={4} mb="xs">{t('language')}</Title>
        <SegmentedControl
          value={i18n.language}
          onChange={(v) => void change(v as Language)}
          data={[
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' }
          ]}
        />
      </div>
      <DisplaySettings />
      <ProvinceSettings />
      <DocumentSettingsPanel />
      <BackupPanel />
      <Title order={4}>{t('about')}</Title>
      {info.error ? <Alert color="red">{info.error.message}</Alert> : null}
      {info.data ? (
        <Table withTableBorder>
          <Table.Tbody>
            <Table.Tr><Table.Td>{t('version')}</Table.Td><Table.Td>{info.data.version}</Table.Td></Table.Tr>
            <Table.Tr><Table.Td>{t('mode')}</Table.Td><Table.Td>{t(`modes.${info.data.mode}`)}</Table.Td></Table.Tr>
            <Table.Tr><Table.Td>{t('dataDir')}</Table.Td><Table.Td><Code>{info.data.dataDir}</Code></Table.Td></Table.Tr>
            <Table.Tr><Table.Td>{t('dbFile')}</Table.Td><Table.Td><Code>{info.data.dbFile}</Code></Table.Td></Table.Tr>
            <Table.Tr><Table.Td>{t('schema')}</Table.Td><Table.Td>{info.data.schemaVersion}</Table.Td></Table.Tr>
            <Table.Tr><Table.Td>{t('criteria')}</Table.Td><Table.Td>{info.data.criteriaVersion}</Table.Td></Table.Tr>
          </Table.Tbody>
        </Table>
      ) : info.loading ? <Loader /> : null}
    </Stack>
  )
}
