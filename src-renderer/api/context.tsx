import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Input, MethodName, Output } from '../../src-main/shared/contract'
import type { ApiError } from '../../src-main/shared/result'
import type { ApiClient } from './client'

const ClientContext = createContext<ApiClient | null>(null)

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
}

export function useApi(): ApiClient {
  const c = useContext(ClientContext)
  if (!c) throw new Error('ApiProvider missing')
  return c
}

export interface QueryState<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => void
}

/** Runs a query method whenever its input changes (compared as JSON); `skip` holds it back. */
export function useQuery<K extends MethodName>(method: K, input: Input<K>, opts: { skip?: boolean } = {}): QueryState<Output<K>> {
  const client = useApi()
  const key = JSON.stringify(input)
  const [state, setState] = useState<{ data?: Output<K>; error?: ApiError; loading: boolean }>({ loading: !opts.skip })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (opts.skip) return
    let alive = true
    setState((s) => ({ ...s, loading: true }))
    client.call(method, JSON.parse(key) as Input<K>).then((r) => {
      if (!alive) return
      setState(r.ok ? { data: r.value, loading: false } : { error: r.error, loading: false })
    })
    return () => {
      alive = false
    }
  }, [client, method, key, tick, opts.skip])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data: state.data, error: state.error, loading: state.loading, reload }
}
