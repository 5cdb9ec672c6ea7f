import { Button, Modal } from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CatalogueImport } from './CatalogueImport'

/** «Nhập từ Excel» for the producers and products lists: the import in a modal; the list reloads after a commit. */
export function ImportButton({ onImported }: { onImported?: () => void }) {
  const { t } = useTranslation('catalogue-import')
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setOpen(true)}>{t('open')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('title')} size="90%">
        <CatalogueImport {...(onImported ? { onImported } : {})} />
      </Modal>
    </>
  )
}
