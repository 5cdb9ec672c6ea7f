import { Alert, AppShell, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createClient, httpTransport, type ApiClient } from '../../api/client'
import { ApiProvider, useQuery } from '../../api/context'
import { MySheets } from './MySheets'

/** Where browser mode exchanges a join code for a member token (the server answers `{ token }` or 401). */
export const JOIN_ENDPOINT = '/join'

export async function exchangeJoinCode(code: string, fetchImpl: typeof fetch = fetch): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  try {
    const res = await fetchImpl(JOIN_ENDPOINT, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })
    if (res.status !== 200) return { ok: false, message: 'Mã tham gia không đúng, đã hết hạn hoặc đã bị thu hồi.' }
    const body = (await res.json()) as { token?: unknown }
    return typeof body.token === 'string' ? { ok: true, token: body.token } : { ok: false, message: 'Máy chủ trả lời không hợp lệ.' }
  } catch {
    return { ok: false, message: 'Không kết nối được máy chủ của ứng dụng.' }
  }
}

/**
 * A council member's own window in browser mode: join with the code the secretary gave, then only that member's
 * sheets of that session; the office screens are not reachable with a member token.
 */
export function MemberApp({ initialClient }: { initialClient?: ApiClient }) {
  const { t } = useTranslation('scoring')
  const [client, setClient] = useState<ApiClient | null>(initialClient ?? null)
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md"><Title order={3} c="green.8">{t('member.title')}</Title></Group>
      </AppShell.Header>
      <AppShell.Main>
        {client ? (
          <ApiProvider client={client}><MemberHome /></ApiProvider>
        ) : (
          <JoinForm onJoined={(token) => setClient(createClient(httpTransport(token)))} />
        )}
      </AppShell.Main>
    </AppShell>
  )
}

function JoinForm({ onJoined }: { onJoined: (token: string) => void }) {
  const { t } = useTranslation('scoring')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const join = async () => {
    if (code.replace(/[^A-Za-z0-9]/g, '').length < 8) return setError(t('member.codeShort'))
    setBusy(true)
    const r = await exchangeJoinCode(code.trim())
    setBusy(false)
    if (!r.ok) return setError(r.message)
    onJoined(r.token)
  }
  return (
    <Paper withBorder p="lg" maw={420} mx="auto" mt="xl">
      <form onSubmit={(e) => { e.preventDefault(); void join() }}>
        <Stack>
          <Text>{t('member.intro')}</Text>
          <TextInput label={t('member.code')} placeholder="ABCD-EFGH" value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} autoFocus data-testid="join-code" />
          {error ? <Alert color="red" role="alert">{error}</Alert> : null}
          <Button type="submit" loading={busy} data-testid="join">{t('member.join')}</Button>
        </Stack>
      </form>
    </Paper>
  )
}

function MemberHome() {
  const { t } = useTranslation('scoring')
  const me = useQuery('sessions.me', {})
  const member = useMemo(() => me.data?.member ?? null, [me.data])
  if (me.error) return <Alert color="red" role="alert">{me.error.message}</Alert>
  if (!me.data) return <Loader />
  if (!member) return <Alert color="orange">{t('member.notMember')}</Alert>
  return <MySheets sessionId={member.sessionId} memberId={member.memberId} memberName={member.fullName} />
}
