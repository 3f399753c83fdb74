/** Pure: a finding in the current locale (used by the supervision rows and the cadre's record). */
import type { FindingView } from '../../contracts'
import { msg } from '../../i18n'

/** mongolian (issue 13 item 5): a finding worded from its code and parameters; old rows as they were written. */
export const findingText = (f: Pick<FindingView, 'text' | 'code' | 'params'>): string => {
  const c = msg.coded.findings
  const p = f.params ?? {}
  switch (f.code) {
    case 'check.absent':
      return `${c.checkAbsent(c.method[p.method ?? ''] ?? '', p.cadre ?? '', p.village ?? '')}${f.text}`
    case 'report.upheld':
      return `${f.text}${c.reportUpheld(p.note ?? '')}`
    default:
      return f.text
  }
}
