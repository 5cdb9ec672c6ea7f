import { Alert, Button, Paper, Radio, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONFLICT_KINDS, type ConflictKind } from '../../../src-main/shared/api/sessions'
import { useApi } from '../../api/context'

export interface ConflictDeclarationProps {
  sessionId: number
  productId: number
  memberId: number
  productName: string
  onDeclared: (kind: ConflictKind) => void
}

/** Before a sheet opens the member declares "no conflict" or a conflict of interest with its reason (issue 5 §3). */
export function ConflictDeclaration(p: ConflictDeclarationProps) {
  const { t } = useTranslation('scoring')
  const api = useApi()
  const [kind, setKind] = useState<ConflictKind>('none')
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const declare = async () => {
    if (kind === 'other' && text.trim() === '') return setError(t('conflict.needText'))
    setBusy(true)
    const r = await api.call('conflicts.declare', { sessionId: p.sessionId, productId: p.productId, memberId: p.memberId, kind, text })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    p.onDeclared(kind)
  }

  return (
    <Paper withBorder p="md" maw={640} data-testid="conflict-declaration">
      <Stack gap="sm">
        <Text fw={700}>{t('conflict.title', { name: p.productName })}</Text>
        <Radio.Group value={kind} onChange={(v) => setKind(v as ConflictKind)} label={t('conflict.question')}>
          <Stack gap={6} mt={6}>
            {CONFLICT_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`conflict.kind.${k}`)} data-kind={k} />
            ))}
          </Stack>
        </Radio.Group>
        {kind !== 'none' ? (
          <Textarea label={t('conflict.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} required={kind === 'other'} maxLength={1000} />
        ) : null}
        {kind !== 'none' ? <Alert color="orange" variant="light">{t('conflict.recusalNote')}</Alert> : null}
        {error ? <Alert color="red" role="alert">{error}</Alert> : null}
        <Button onClick={() => void declare()} loading={busy} data-testid="declare">{t('conflict.submit')}</Button>
      </Stack>
    </Paper>
  )
}
