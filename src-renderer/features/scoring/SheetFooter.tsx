import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core'
import { forwardRef, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Result } from '../../../src-main/shared/result'
import type { LiveTotals } from './liveTotals'
import { readCommentDraft, writeCommentDraft } from './memberPlace'
import { formatInstantDay } from '../../../src-main/shared/vn-format'

export interface SheetFooterProps {
  memberName: string
  comment: string
  readOnly: boolean
  submittedAt: string | null
  saveComment: ((comment: string) => Promise<Result<unknown>>) | undefined
  submit: (() => Promise<Result<unknown>>) | undefined
  totals: LiveTotals
  /** Criteria whose latest choice is not stored yet. */
  unsaved: string[]
  labelOf: (code: string) => string
  onMissing: (firstCode: string) => void
  onSubmitted: (submittedAt: string) => void
  /** Named in the confirmation, with the total. */
  productName?: string
  /** Key of the comment draft kept on this device until the server stored it. */
  draftKey?: string
  /** "Sản phẩm tiếp theo" after submitting. */
  onNext?: () => void
}

const COMMENT_SAVE_DELAY_MS = 800

/** "Ý kiến của người đánh giá", the signature line and "Ký nộp phiếu" with its completeness check. */
export const SheetFooter = forwardRef<HTMLTextAreaElement, SheetFooterProps>(function SheetFooter(p, ref) {
  const { t } = useTranslation('scoring')
  // A comment typed just before a reload is still on this device: it comes back and is saved like an answer.
  const [comment, setComment] = useState(() => (p.draftKey && !p.readOnly ? readCommentDraft(p.draftKey) : null) ?? p.comment)
  const [commentState, setCommentState] = useState<'stored' | 'dirty' | 'saving' | 'saved' | 'error'>('stored')
  const stored = useRef(p.comment)
  const [message, setMessage] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  const flushComment = async (): Promise<boolean> => {
    if (!p.saveComment || comment === stored.current) return true
    const text = comment
    setCommentState('saving')
    const r = await p.saveComment(text)
    if (r.ok) {
      stored.current = text
      if (p.draftKey && comment === text) writeCommentDraft(p.draftKey, null)
    }
    setCommentState(r.ok ? 'saved' : 'error')
    if (!r.ok) setMessage(t('comment.error', { message: r.error.message }))
    return r.ok
  }

  useEffect(() => {
    if (p.readOnly || comment === stored.current) return
    if (p.draftKey) writeCommentDraft(p.draftKey, comment)
    setCommentState('dirty')
    const h = setTimeout(() => void flushComment(), COMMENT_SAVE_DELAY_MS)
    return () => clearTimeout(h)
    // flushComment reads the latest comment; only a change of text restarts the delay.
  }, [comment, p.readOnly])

  const trySubmit = () => {
    setMessage(null)
    const first = p.totals.missing[0]
    if (first !== undefined) {
      const list = p.totals.missing.slice(0, 8).join(', ') + (p.totals.missing.length > 8 ? ', …' : '')
      setMessage(t('submit.missing', { count: p.totals.missing.length, list, first, label: p.labelOf(first) }))
      p.onMissing(first)
      return
    }
    if (p.unsaved.length > 0) {
      setMessage(t('submit.unsaved', { list: p.unsaved.join(', ') }))
      p.onMissing(p.unsaved[0]!)
      return
    }
    if (p.totals.errors.length > 0) {
      setMessage(p.totals.errors.join('; '))
      return
    }
    setConfirming(true)
  }

  const confirm = async () => {
    if (!p.submit) return
    setBusy(true)
    const commentOk = await flushComment()
    const r = commentOk ? await p.submit() : null
    setBusy(false)
    setConfirming(false)
    if (!r) return
    if (!r.ok) return setMessage(t('submit.failed', { message: r.error.message }))
    const at = (r.value as { submittedAt?: unknown } | null)?.submittedAt
    p.onSubmitted(typeof at === 'string' ? at : new Date().toISOString())
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Textarea
          ref={ref}
          label={t('comment.label')}
          value={comment}
          readOnly={p.readOnly}
          autosize
          minRows={3}
          maxLength={4000}
          onChange={(e) => setComment(e.currentTarget.value)}
          onBlur={() => void flushComment()}
          data-save-state={commentState}
          description={commentState === 'saving' ? t('save.saving') : commentState === 'saved' ? t('save.saved') : undefined}
        />
        <Group justify="space-between" align="flex-end">
          <Text size="sm" fs="italic" data-testid="signature">
            {p.submittedAt
              ? t('signature.signed', { name: p.memberName, date: formatInstantDay(p.submittedAt) })
              : t('signature.blank', { name: p.memberName })}
          </Text>
          {p.readOnly ? null : (
            <Button color="green" size="md" onClick={trySubmit} data-testid="submit-sheet">{t('submit.button')}</Button>
          )}
          {p.submittedAt && p.onNext ? (
            <Button size="md" onClick={p.onNext} data-testid="next-product" data-autofocus autoFocus>{t('submit.next')}</Button>
          ) : null}
        </Group>
        {message ? <Alert color="red" variant="light" role="alert" data-testid="submit-message">{message}</Alert> : null}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('submit.confirmTitle')} centered closeButtonProps={{ size: 'xl', 'aria-label': t('submit.cancel') }}>
        <Stack>
          <Text size="sm" data-testid="confirm-body">{t('submit.confirmBody', { product: p.productName ?? '', total: p.totals.total })}</Text>
          <Group justify="flex-end">
            {/* Focus starts on "Quay lại": Enter-Enter never submits irreversibly; submitting takes a deliberate move. */}
            <Button variant="default" size="md" onClick={() => setConfirming(false)} data-autofocus data-testid="cancel-submit">{t('submit.cancel')}</Button>
            <Button color="green" size="md" loading={busy} onClick={() => void confirm()} data-testid="confirm-submit">
              {t('submit.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
})
