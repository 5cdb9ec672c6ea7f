import { Alert, AppShell, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createClient, httpTransport, type ApiClient } from '../../api/client'
import { ApiProvider, useQuery } from '../../api/context'
import { MySheets } from './MySheets'

/** Where browser mode exchanges a join code for a member token (the server answers `{ token }` or 401). */
export const JOIN_ENDPOINT = '/join'
/** Whether members may join from here now (on the LAN: only while the secretary has a session open for members). */
export const JOIN_STATUS_ENDPOINT = '/join/status'
const JOIN_STATUS_POLL_MS = 5000

export async function joinStatus(fetchImpl: typeof fetch = fetch): Promise<{ open: boolean; message?: string }> {
  try {
    const res = await fetchImpl(JOIN_STATUS_ENDPOINT, { credentials: 'same-origin', cache: 'no-store' })
    if (res.status !== 200) return { open: true }
    const body = (await res.json()) as { open?: unknown; message?: unknown }
    return body.open === false ? { open: false, ...(typeof body.message === 'string' ? { message: body.message } : {}) } : { open: true }
  } catch {
    return { open: true }
  }
}

export async function exchangeJoinCode(code: string, fetchImpl: typeof fetch = fetch): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  try {
    const res = await fetchImpl(JOIN_ENDPOINT, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })
    if (res.status === 429) return { ok: false, message: 'Nhập sai quá nhiều lần. Hãy chờ một phút rồi thử lại.' }
    if (res.status === 409) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: unknown } } | null
      return { ok: false, message: typeof body?.error?.message === 'string' ? body.error.message : 'Chưa có phiên nào mở cho thành viên.' }
    }
    if (res.status !== 200) return { ok: false, message: 'Mã tham gia không đúng, đã hết hạn hoặc đã bị thu hồi.' }
    const body = (await res.json()) as { token?: unknown }
    return typeof body.token === 'string' ? { ok: true, token: body.token } : { ok: false, message: 'Máy chủ trả lời không hợp lệ.' }
  } catch {
    return { ok: false, message: 'Không kết nối được máy chủ của ứng dụng.' }
  }
}

export const isLoopbackHost = (hostname: string): boolean => hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname)

/** The code of a join slip's QR address (`#join=ABCD-EFGH`), or '' when the address carries none. */
export function codeFromHash(hash: string): string {
  const m = /^#join=([A-Za-z0-9-]{1,20})$/.exec(hash)
  return m ? m[1]!.toUpperCase() : ''
}

/**
 * A council member's own window in browser mode: join with the code the secretary gave, then only that member's
 * sheets of that session; the office screens are not reachable with a member token. After a reload the member is
 * still in: the server's HttpOnly cookie (scoped to this device, with an expiry) carries the token, never the URL.
 */
export function MemberApp({ initialClient }: { initialClient?: ApiClient }) {
  const { t } = useTranslation('scoring')
  const [client, setClient] = useState<ApiClient | null>(initialClient ?? null)
  const [checking, setChecking] = useState(!initialClient)
  useEffect(() => {
    if (initialClient) return
    let alive = true
    // A cookie from an earlier join on this device: resume without asking for the code again.
    const cookieClient = createClient(httpTransport(null))
    void cookieClient.call('sessions.me', {}).then((r) => {
      if (!alive) return
      if (r.ok && r.value.member) setClient(cookieClient)
      setChecking(false)
    })
    return () => {
      alive = false
    }
  }, [initialClient])
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md"><Title order={3} c="green.8">{t('member.title')}</Title></Group>
      </AppShell.Header>
      <AppShell.Main>
        {client ? (
          <ApiProvider client={client}><MemberHome /></ApiProvider>
        ) : checking ? (
          <Loader aria-label={t('loading')} />
        ) : (
          <JoinForm onJoined={(token) => setClient(createClient(httpTransport(token)))} />
        )}
      </AppShell.Main>
    </AppShell>
  )
}

function JoinForm({ onJoined }: { onJoined: (token: string) => void }) {
  const { t } = useTranslation('scoring')
  const [code, setCode] = useState(() => (typeof window === 'undefined' ? '' : codeFromHash(window.location.hash)))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const plainHttp = typeof window !== 'undefined' && window.location.protocol === 'http:' && !isLoopbackHost(window.location.hostname)
  // On the LAN before the secretary opens a session for members: say so, and look again every few seconds.
  const [closed, setClosed] = useState<string | null>(null)
  useEffect(() => {
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = async () => {
      const s = await joinStatus()
      if (!alive) return
      setClosed(s.open ? null : (s.message ?? t('member.noSession')))
      if (!s.open) timer = setTimeout(() => void check(), JOIN_STATUS_POLL_MS)
    }
    void check()
    return () => {
      alive = false
      if (timer) clearTimeout(timer)
    }
  }, [t])
  const join = async () => {
    if (code.replace(/[^A-Za-z0-9]/g, '').length < 8) return setError(t('member.codeShort'))
    setBusy(true)
    const r = await exchangeJoinCode(code.trim())
    setBusy(false)
    if (!r.ok) return setError(r.message)
    // The code has done its work: it leaves the address bar and the history entry.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#join`)
    onJoined(r.token)
  }
  return (
    <Paper withBorder p="lg" maw={460} mx="auto" mt="xl">
      <form onSubmit={(e) => { e.preventDefault(); void join() }}>
        <Stack>
          <Text>{t('member.intro')}</Text>
          {closed ? <Alert color="orange" data-testid="join-closed">{closed}</Alert> : null}
          <TextInput label={t('member.code')} placeholder="ABCD-EFGH" value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} autoFocus data-testid="join-code" size="lg" autoComplete="off" autoCapitalize="characters" />
          {error ? <Alert color="red" role="alert">{error}</Alert> : null}
          <Button type="submit" loading={busy} data-testid="join" size="lg">{t('member.join')}</Button>
          {plainHttp ? <Text size="xs" c="dimmed" data-testid="plain-http-note">{t('member.plainHttp')}</Text> : null}
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
  if (!me.data) return <Loader aria-label={t('loading')} />
  if (!member) return <Alert color="orange">{t('member.notMember')}</Alert>
  return <MySheets sessionId={member.sessionId} memberId={member.memberId} memberName={member.fullName} />
}
