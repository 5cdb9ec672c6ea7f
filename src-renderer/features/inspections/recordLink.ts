/**
 * The address of one inspection record inside `#/inspections`: `/records/<year>/<id>` opens the Biên bản tab of that
 * year with the record shown (the dashboard's overdue follow-ups link here). Pure, for the page and its links.
 */
export function inspectionRecordPath(year: number, id: number): string {
  return `/records/${year}/${id}`
}

export function parseInspectionRecordPath(path: string): { year: number; id: number } | null {
  const m = /^\/records\/(\d{4})\/([1-9]\d{0,9})\/?$/.exec(path.split('?')[0]!)
  return m ? { year: Number(m[1]), id: Number(m[2]) } : null
}
