/**
 * The scheduled job of 提级督办 (DOMAIN 3.2): every open ticket whose current level's time has run
 * out gets one 'overdue' event (core flagOverdue) and its holder, and for a household cadre's
 * ticket the village party secretary, get an in-app notification. Run by the local server's timer
 * (MINQING_OVERDUE_SWEEP_MINUTES) and by the cloud function's timer trigger (event Type 'Timer').
 * One rule: the job only flags; moving a ticket up stays a person's decision, and a ticket changed
 * meanwhile (version check) is left for the next run.
 */
import { flagOverdue, levelOf } from '../../../../core/ticket-rules'
import type { TicketStatus } from '../../../../core/model'
import type { ServerDeps } from '../../../context'

const HELD: TicketStatus[] = ['submitted', 'accepted', 'escalated_secretary', 'joint_meeting', 'township_session']

/** Flags every ticket due at deps.clock(); answers how many were flagged. */
export const sweepOverdue = async (deps: ServerDeps): Promise<number> => {
  const now = deps.clock()
  let flagged = 0
  for (const { id: townshipId } of await deps.store.find('townships', {})) {
    const open = await deps.store.find('tickets', { townshipId, status: HELD })
    for (const ticket of open) {
      const next = flagOverdue(ticket, now, deps.settings)
      if (!next) continue
      try {
        await deps.store.transaction(async (tx) => {
          await tx.replace('tickets', next, { ifVersion: ticket.version })
          const teams = levelOf(ticket.status) === 'cadre' ? await tx.find('teams', { villageId: ticket.villageId }) : []
          const told = [...new Set([ticket.assigneeId, ...teams.map((t) => t.secretaryId)].filter((p): p is string => typeof p === 'string' && p !== ''))]
          if (told.length) {
            await tx.insertMany(
              'notifications',
              told.map((personId) => ({ id: deps.newId('nt'), townshipId, personId, ticketId: ticket.id, action: 'overdue' as const, status: ticket.status, at: now, read: false })),
            )
          }
        })
        flagged++
      } catch {
        // Changed since it was read (a person acted on it): the next run looks again.
      }
    }
  }
  return flagged
}

/** Starts the sweep every `minutes` (0: never); answers the function that stops it. */
export const startOverdueTimer = (deps: ServerDeps, minutes: number): (() => void) => {
  if (!(minutes > 0)) return () => undefined
  const timer = setInterval(() => {
    sweepOverdue(deps).catch((error: unknown) => console.error('[minqing] overdue sweep failed:', error instanceof Error ? error.message : error))
  }, minutes * 60_000)
  timer.unref()
  return () => clearInterval(timer)
}
