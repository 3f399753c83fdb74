/**
 * 自动结账 (issue 11 item 7): from day N of a month (settings.monthClose.autoDay, township wall
 * clock) the previous month closes by itself, unless the office already closed it (or closed and
 * reopened it: the office's decision stands). Run by the cloud function's timer trigger and by the
 * local and self-hosted servers' timer; each attempt is kept (autoCloses), so a township month is
 * attempted once however many runs or instances there are.
 * The close is the office's own (closeTownshipMonth), recorded as closed by AUTO_CLOSER; a refusal
 * (the record chain does not hold: CHAIN.BROKEN) is logged, kept and told to the office, never a crash.
 * One rule: the job only closes what no person has decided on.
 */
import { autoCloseDue, type AutoCloseRecord } from '../../../core/subscribe'
import { isTownshipStaff } from '../../../core/roles'
import { zhCN } from '../../../i18n/zh-CN'
import type { HandlerContext, ServerDeps } from '../../context'
import { ActionError } from '../../errors'
import type { Store } from '../../storage/port'
import { openidsOf, sendSubscribeNews } from '../subscribe'
import { closeTownshipMonth } from './handlers'
import { AUTO_CLOSER, periodId, periodRecord, townshipCadres } from './month'

export interface AutoCloseRun {
  period: string | null
  closed: string[]
  refused: string[]
}

const jobContext = (deps: ServerDeps, store: Store, now: number, later: (() => Promise<void>)[]): HandlerContext => ({
  deps,
  store,
  settings: deps.settings,
  now,
  newId: deps.newId,
  actor: null,
  afterCommit: (work) => void later.push(work),
})

/** The office's people (office hub and leadership) who hear of the close: bound ones get a subscribe message. */
const tellOffice = async (deps: ServerDeps, townshipId: string, record: AutoCloseRecord): Promise<void> => {
  const staff = (await townshipCadres(deps.store, townshipId)).filter(isTownshipStaff)
  const openids = await openidsOf(deps, staff.map((p) => p.id))
  const w = zhCN.wechatNotify
  const closed = record.outcome === 'closed'
  await sendSubscribeNews(
    deps,
    staff.map((p) => ({
      personId: p.id,
      openid: openids.get(p.id) ?? null,
      event: 'monthClose' as const,
      page: 'subpackages/office/index/index',
      values: { matter: w.monthMatter(zhCN.plain.month(record.period)), status: closed ? w.phrase.monthClosed : w.phrase.monthRefused, note: closed ? w.note.monthClosed : w.note.monthRefused, person: '' },
      at: record.at,
    })),
  )
}

/** One run: closes the due month of every township that has not decided on it; answers what it did. */
export const runAutoClose = async (deps: ServerDeps): Promise<AutoCloseRun> => {
  const now = deps.clock()
  const period = autoCloseDue(now, deps.settings)
  const run: AutoCloseRun = { period, closed: [], refused: [] }
  if (!period) return run
  for (const { id: townshipId } of await deps.store.find('townships', {})) {
    const id = periodId(townshipId, period)
    // Closed by the office (or closed and reopened), or attempted before: nothing to do.
    if ((await periodRecord(deps.store, townshipId, period)) || (await deps.store.get('autoCloses', id))) continue
    const later: (() => Promise<void>)[] = []
    let record: AutoCloseRecord
    try {
      // The attempt's record and the close commit together: a second run (or instance) meets the
      // record's key and writes nothing.
      await deps.store.transaction(async (tx) => {
        await tx.insert('autoCloses', { id, townshipId, period, at: now, outcome: 'closed', problem: null })
        await closeTownshipMonth(jobContext(deps, tx, now, later), townshipId, period, AUTO_CLOSER)
      })
      record = { id, townshipId, period, at: now, outcome: 'closed', problem: null }
    } catch (error) {
      if (await deps.store.get('autoCloses', id)) continue // another run made this attempt meanwhile
      if (!(error instanceof ActionError)) {
        // The database or a bug: nothing was written; the next run tries again.
        console.error(`[minqing] automatic close of ${townshipId} ${period} failed:`, error instanceof Error ? error.message : error)
        continue
      }
      const problem = [zhCN.errors[error.code] ?? error.code, ...(error.issues ?? []).map((i) => i.message)].join(' ')
      console.error(`[minqing] automatic close of ${townshipId} ${period} refused (${error.code}): ${problem}`)
      record = { id, townshipId, period, at: now, outcome: 'refused', problem }
      try {
        // In a transaction of its own: on SQLite's one connection a bare write could land inside
        // another run's transaction and roll back with it.
        const refused = record
        await deps.store.transaction((tx) => tx.insert('autoCloses', refused))
      } catch {
        continue // another run recorded the refusal first, and told the office
      }
    }
    ;(record.outcome === 'closed' ? run.closed : run.refused).push(townshipId)
    for (const work of later) await work().catch((e: unknown) => console.error('[minqing] after the automatic close:', e))
    await tellOffice(deps, townshipId, record).catch((e: unknown) => console.error('[minqing] telling the office of the automatic close failed:', e))
  }
  return run
}

/** Runs the automatic close every `minutes` (0: never; the first run at once); answers the function that stops it. */
export const startAutoCloseTimer = (deps: ServerDeps, minutes: number): (() => void) => {
  if (!(minutes > 0)) return () => undefined
  let running = false
  const tick = () => {
    if (running) return
    running = true
    runAutoClose(deps)
      .catch((error: unknown) => console.error('[minqing] automatic close failed:', error instanceof Error ? error.message : error))
      .finally(() => (running = false))
  }
  const timer = setInterval(tick, minutes * 60_000)
  timer.unref()
  const first = setTimeout(tick, 1000)
  first.unref()
  return () => {
    clearInterval(timer)
    clearTimeout(first)
  }
}
