/**
 * Who is calling. Never carries a transport object, so neither handlers nor use cases can depend on how the call
 * arrived; it lives here, below api/ and services/, so that services know no transport (issue 15).
 */
export interface CallContext {
  actor: { kind: 'local' } | { kind: 'secretary' } | { kind: 'member'; memberId: number }
  requestId: string
}
