/**
 * What keeps an import preview from being committed, told apart for the clerk (issue 12): errors in the file, to be
 * fixed in the spreadsheet and the file chosen again, and communes the resolver would not guess, to be chosen in the
 * preview. A row waiting for a commune choice carries exactly one error («Cần chọn xã/phường: …») and is checked no
 * further, so the choices are counted from the resolutions and the remaining errors are the ones to fix.
 */
export interface ImportBlockers {
  /** Errors to fix in the file. */
  fix: number
  /** Producer rows whose commune must be chosen in the preview. */
  choose: number
  /** Rows matching several registered records (or the same product twice): update which, add or skip. */
  duplicates: number
}

export function importBlockers(p: { errorCount: number; resolutions: ReadonlyArray<{ status: string }>; actions?: ReadonlyArray<{ action: string }> }): ImportBlockers {
  const choose = p.resolutions.filter((r) => r.status === 'choice').length
  // A row waiting for a duplicate choice also carries exactly one error and is checked no further.
  const duplicates = (p.actions ?? []).filter((a) => a.action === 'duplicate').length
  return { fix: Math.max(0, p.errorCount - choose - duplicates), choose, duplicates }
}

/** The one Vietnamese sentence the CLI prints when the commit is refused; '' when nothing blocks. */
export function blockersText(b: ImportBlockers): string {
  const parts: string[] = []
  if (b.fix) parts.push(`sửa ${b.fix} lỗi trong tệp`)
  if (b.choose) parts.push(`chọn xã/phường cho ${b.choose} dòng (--choose DÒNG=MÃ_XÃ)`)
  if (b.duplicates) parts.push(`chọn cách xử lý ${b.duplicates} dòng trùng (--duplicate producers|products:DÒNG=update:MÃ|add|skip)`)
  return parts.length ? `Chưa nhập: cần ${parts.join(' và ')}.` : ''
}
