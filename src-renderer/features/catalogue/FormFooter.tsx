import { Alert, Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../src-main/shared/result'
import { focusFirstError } from '../../ui/focusFirstError'

/** Puts a refused save on the form: the message above the buttons, each issue on its field. */
export function showRefusal(error: ApiError, setFieldError: (path: string, message: string) => void, setFailure: (m: string) => void): void {
  setFailure(error.message)
  for (const i of error.issues ?? []) setFieldError(i.path, i.message)
  if (error.issues?.length) focusFirstError()
}

export function FormFooter({ failure, onCancel }: { failure: string | null; onCancel: () => void }) {
  const { t } = useTranslation('catalogue')
  return (
    <>
      {failure ? <Alert color="red" data-status="error">{failure}</Alert> : null}
      <Group>
        <Button type="submit">{t('common.save')}</Button>
        <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
      </Group>
    </>
  )
}
