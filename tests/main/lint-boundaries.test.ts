import { ESLint } from 'eslint'
import { join } from 'node:path'
import { REPO } from '../utils/core'

const eslint = new ESLint({ cwd: REPO, overrideConfigFile: join(REPO, '.eslint.config.mjs') })

async function problems(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(REPO, file) })
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('import boundaries (PATTERNS §3.2)', () => {
  it('the renderer may import the contract and the domain, nothing else of main, no Node or Electron', async () => {
    expect(await problems('src-renderer/x.ts', "import { contract } from '../src-main/shared/contract'\nexport const a = contract")).toEqual([])
    expect(await problems('src-renderer/x.ts', "import { foldVietnamese } from '../src-main/shared/text'\nexport const a = foldVietnamese")).toEqual([])
    expect((await problems('src-renderer/x.ts', "import { createCore } from '../src-main/core'\nexport const a = createCore"))[0]).toMatch(/only src-main\/shared/)
    expect((await problems('src-renderer/x.ts', "import { openConnection } from '../src-main/db/connection'\nexport const a = openConnection"))[0]).toMatch(/only src-main\/shared/)
    expect(await problems('src-renderer/x.ts', "import fs from 'node:fs'\nexport const a = fs")).toHaveLength(1)
    expect(await problems('src-renderer/x.ts', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer")).toHaveLength(1)
  })

  it('the domain does no I/O and imports only the contract', async () => {
    expect(await problems('src-main/domain/x.ts', "import { zText } from '../shared/text'\nexport const a = zText")).toEqual([])
    expect(await problems('src-main/domain/x.ts', "import Database from 'better-sqlite3'\nexport const a = Database")).toHaveLength(1)
    expect(await problems('src-main/domain/x.ts', "import { readFileSync } from 'fs'\nexport const a = readFileSync")).toHaveLength(1)
    expect(await problems('src-main/domain/x.ts', "import { createCore } from '../core'\nexport const a = createCore")).toHaveLength(1)
  })

  it('the contract imports nothing but zod and itself', async () => {
    expect(await problems('src-main/shared/x.ts', "import { z } from 'zod'\nexport const a = z")).toEqual([])
    expect(await problems('src-main/shared/x.ts', "import { createCore } from '../core'\nexport const a = createCore")).toHaveLength(1)
    expect(await problems('src-main/shared/api/x.ts', "import { zText } from '../text'\nexport const a = zText")).toEqual([])
    expect(await problems('src-main/shared/api/x.ts', "import { openConnection } from '../../db/connection'\nexport const a = openConnection")).toHaveLength(1)
  })

  it('services know no transport: no import from api/ or transport/', async () => {
    expect((await problems('src-main/services/x.ts', "import type { CallContext } from '../api/registry'\nexport type A = CallContext"))[0]).toMatch(/Services never import api\//)
    expect((await problems('src-main/services/import/x.ts', "import { registerCatalogueHandlers } from '../../api/handlers/catalogue-handlers'\nexport const a = registerCatalogueHandlers"))[0]).toMatch(/Services never import api\//)
    expect(await problems('src-main/services/x.ts', "import { startHttpServer } from '../transport/http'\nexport const a = startHttpServer")).toHaveLength(1)
    expect(await problems('src-main/services/x.ts', "import type { CallContext } from '../shared/call-context'\nexport type A = CallContext")).toEqual([])
    expect(await problems('src-main/services/verify/x.ts', "import { contract } from '../../shared/api/verify'\nexport const a = contract")).toEqual([])
    expect(await problems('src-main/services/x.ts', "import { app } from 'electron'\nexport const a = app")).toHaveLength(1)
  })

  it("only the Electron shell imports 'electron'", async () => {
    expect(await problems('src-main/services/x.ts', "import { app } from 'electron'\nexport const a = app")).toHaveLength(1)
    expect(await problems('src-main/core.ts', "import { app } from 'electron'\nexport const a = app")).toHaveLength(1)
    expect(await problems('src-main/shell/x.ts', "import { app } from 'electron'\nexport const a = app")).toEqual([])
    expect(await problems('src-main/transport/ipc.ts', "import { ipcMain } from 'electron'\nexport const a = ipcMain")).toEqual([])
  })
})
