import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DB_FILE_NAME } from '../core'
import { openConnection } from '../db/connection'
import { verifyChain, type StoredEvent } from '../domain/audit-chain'
import { defaultDataDir } from '../paths'
import { sha256 } from '../services/sessions/store'
import type { CliIo } from './rate'

const USAGE = 'Cách dùng: npm run cli -- audit verify [--data-dir THƯ_MỤC]'

/** `audit verify [--data-dir DIR]`: walks the audit hash chain; exit 0 when intact, 1 at the first broken link. */
export async function runAudit(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  if (sub !== 'verify') {
    io.stderr(`${USAGE}\n`)
    return 2
  }
  let dataDir = defaultDataDir()
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--data-dir' && rest[i + 1]) dataDir = rest[++i]!
    else {
      io.stderr(`Tham số không hợp lệ "${rest[i]}". ${USAGE}\n`)
      return 2
    }
  }
  const file = join(resolve(dataDir), DB_FILE_NAME)
  if (!existsSync(file)) {
    io.stderr(`Không tìm thấy tệp dữ liệu ${file}\n`)
    return 2
  }
  const db = openConnection(file, { readonly: true })
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_events'").get()
    if (!hasTable) {
      io.stdout('Chưa có nhật ký kiểm tra (dữ liệu chưa có phiên họp nào).\n')
      return 0
    }
    const events = db.prepare('SELECT seq, at, kind, session_id AS sessionId, actor, content, prev_hash AS prevHash, hash FROM audit_events ORDER BY seq').iterate() as Iterable<StoredEvent>
    const check = verifyChain(events, sha256)
    if (check.intact) {
      io.stdout(`Chuỗi nhật ký nguyên vẹn: ${check.events} sự kiện, không có mắt xích nào bị sửa.\n`)
      return 0
    }
    io.stdout(`Chuỗi nhật ký BỊ PHÁ VỠ tại sự kiện số ${check.firstBroken!.seq}: ${check.firstBroken!.reason}\n`)
    return 1
  } finally {
    db.close()
  }
}
