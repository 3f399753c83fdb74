/**
 * The seam for spreadsheet files (roster import, template and xlsx exports): files.h5.ts talks to
 * the local server's /files routes; files.weapp.ts goes through WeChat cloud storage (office.importFile,
 * office.exportFile) and opens files with Taro.openDocument.
 * One rule: failures are ApiCallErrors with a stable code, like every other call.
 */
import type { ImportView } from '../contracts'

export type ExportKind = 'posting' | 'scores' | 'allowance' | 'tickets'

export interface Files {
  /** Lets the person pick a .xlsx/.csv file and imports it; null when they cancelled. */
  pickAndImportRoster(): Promise<ImportView | null>
  downloadTemplate(format: 'xlsx' | 'csv'): Promise<void>
  downloadExport(kind: ExportKind, period: string): Promise<void>
}
