import { Alert, Button, Select, Stack, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Certificate } from '../../../src-main/shared/contract'
import { REVOCATION_GROUNDS, REVOCATION_GROUND_CODES, groundLetter, type RevocationGround } from '../../../src-main/shared/certificates'
import { useApi } from '../../api/context'
import { downloadExport } from './download'
import { VnDateInput } from '../../ui/VnDateInput'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Thu hồi giấy chứng nhận: one of the six grounds of Điều 8, the conclusion it rests on, the decision's date and signer. */
/** A revocation proposed by a post-recognition inspection: its ground and record prefill the form and are linked. */
export interface RevocationProposal {
  inspectionId: number
  ground: RevocationGround
  conclusionRef: string
  conclusionDate: string
}

export function RevokeForm({ cert, onDone, proposal }: { cert: Certificate; onDone: () => void; proposal?: RevocationProposal }) {
  const { t } = useTranslation('reports')
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    initialValues: { ground: (proposal?.ground ?? '') as RevocationGround | '', detail: '', conclusionRef: proposal?.conclusionRef ?? '', conclusionDate: proposal?.conclusionDate ?? '', decidedOn: '', signerTitle: 'Phó Chủ tịch', signerName: '' },
    validate: {
      ground: (v) => (v ? null : t('revoke.groundRequired')),
      detail: (v) => (v.trim() ? null : t('required')),
      conclusionRef: (v) => (v.trim() ? null : t('required')),
      conclusionDate: (v) => (DATE.test(v) ? null : t('dateFormat')),
      decidedOn: (v, all) => (!DATE.test(v) ? t('dateFormat') : v < all.conclusionDate ? t('revoke.beforeConclusion') : null),
      signerTitle: (v) => (v.trim() ? null : t('required')),
      signerName: (v) => (v.trim() ? null : t('required'))
    }
  })
  const submit = form.onSubmit(async (v) => {
    setError(null)
    const r = await api.call('certificates.revoke', { certificateId: cert.id, ...v, ground: v.ground as RevocationGround, ...(proposal ? { inspectionId: proposal.inspectionId } : {}) })
    if (!r.ok) {
      setError(r.error.message)
      return
    }
    const failed = await downloadExport(api, 'certificates.revocationFile', { id: r.value.id })
    if (failed) setError(failed)
    else onDone()
  })
  return (
    <form onSubmit={submit} data-testid="revoke-form">
      <Stack>
        <Select
          label={t('revoke.ground')}
          data={REVOCATION_GROUND_CODES.map((g) => ({ value: g, label: `${groundLetter(g)}) ${REVOCATION_GROUNDS[g]}` }))}
          {...form.getInputProps('ground')}
        />
        <Textarea label={t('revoke.detail')} autosize minRows={2} {...form.getInputProps('detail')} />
        <TextInput label={t('revoke.conclusionRef')} placeholder={t('revoke.conclusionRefHint')} {...form.getInputProps('conclusionRef')} />
        <VnDateInput label={t('revoke.conclusionDate')} {...form.getInputProps('conclusionDate')} />
        <VnDateInput label={t('revoke.decidedOn')} {...form.getInputProps('decidedOn')} />
        <TextInput label={t('revoke.signerTitle')} {...form.getInputProps('signerTitle')} />
        <TextInput label={t('revoke.signerName')} {...form.getInputProps('signerName')} />
        {error && <Alert color="red">{error}</Alert>}
        <Button type="submit" color="red">
          {t('revoke.submit')}
        </Button>
      </Stack>
    </form>
  )
}
