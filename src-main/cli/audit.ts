import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DB_FILE_NAME } from '../core'
import { openConnection } from '../db/connection'
import { defaultDataDir } from '../paths'
import { checkIntegrity } from '../services/sessions/integrity'
import type { CliIo } from './rate'

const USAGE = 'Cách dùng: npm run cli -- audit verify [--data-dir THƯ_MỤC] [--expect MÃ_ĐẦU_CHUỖI]'

/**
 * `audit verify [--data-dir DIR] [--expect HEAD]`: the audit hash chain, the seals of finalized sessions (results and
 * sheets) and, with --expect, the chain head printed on a document or in a backup manifest. Exit 0 when everything
 * matches, 1 with one Vietnamese line per finding.
 */
export async function runAudit(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  if (sub !== 'verify') {
    io.stderr(`${USAGE}\n`)
    return 2
  }
  let dataDir = defaultDataDir()
  let expectHead: string | undefined
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--data-dir' && rest[i + 1]) dataDir = rest[++i]!
    else if (rest[i] === '--expect' && rest[i + 1]) expectHead = rest[++i]!
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
    const check = checkIntegrity(db, { expectHead })
    if (check.events === 0 && check.intact) {
      io.stdout('Chưa có nhật ký kiểm tra (dữ liệu chưa có phiên họp nào).\n')
      return 0
    }
    if (check.intact) {
      io.stdout(`Nhật ký nguyên vẹn: ${check.events} sự kiện, không có mắt xích nào bị sửa; kết quả và phiếu chấm của các phiên đã chốt khớp niêm phong.\n`)
      if (expectHead) io.stdout(`Khớp mã đầu chuỗi đã neo: ${expectHead}.\n`)
      io.stdout(`Mã đầu chuỗi hiện tại: ${check.head}\n`)
      return 0
    }
    io.stdout(`PHÁT HIỆN DỮ LIỆU BỊ SỬA NGOÀI ỨNG DỤNG (${check.problems.length} vấn đề):\n${check.problems.map((p) => `- ${p.message}`).join('\n')}\n`)
    return 1
  } finally {
    db.close()
  }
}
