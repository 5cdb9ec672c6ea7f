import { readFileSync } from 'node:fs'
import { runAudit } from './audit'
import { runBackup, runRestore, runVerifyDb } from './backup'
import { runExport, runImport } from './catalogue'
import { runDemo } from './demo'
import { runDocuments } from './documents'
import { runRate, type CliIo } from './rate'

/** Headless commands (`npm run cli -- <command> …`); each command is one entry, added by the feature that owns it. */
const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  rate: runRate,
  audit: runAudit,
  backup: runBackup,
  restore: runRestore,
  verify: runVerifyDb,
  import: runImport,
  export: runExport,
  demo: runDemo,
  documents: runDocuments
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const io: CliIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const command = name === undefined ? undefined : COMMANDS[name]
  if (!command) {
    io.stderr(`Lệnh không hợp lệ${name ? ` "${name}"` : ''}. Các lệnh: ${Object.keys(COMMANDS).join(', ')}\n`)
    return 2
  }
  return command(rest, io)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  }
)
