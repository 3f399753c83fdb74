/**
 * The villager's first screen in one request (issue 12 item 11) and a cadre's planned visits
 * (issue 12 item 9).
 */
import { z } from 'zod'
import { isLocalDate } from '../../core/time'
import { VISIT_PLAN_NOTE_MAX } from '../../core/visit-plans'
import { defineAction, id, noInput, text } from '../action'
import type { CadreCardView, TicketView } from '../views'
import type { VisitView } from '../views-verdict'
import type { NoticeView } from '../views.office'

/** Everything the villager's home shows, in one answer. */
export interface VillagerHomeView {
  /** My cadre's card; null when the household has no cadre yet (`cardError` says so). */
  card: CadreCardView | null
  cardError: 'ROSTER.HOUSEHOLD_UNASSIGNED' | null
  /** Visits to my household waiting for a signature. */
  waitingVisits: VisitView[]
  /** My household's open tickets (those waiting for my confirmation carry the `confirm` action). */
  openTickets: TicketView[]
  /** The latest notices of my village and my township. */
  notices: NoticeView[]
  /** How many of my in-app notifications are unread. */
  unread: number
  /** The months whose posting is out, newest first. */
  postingMonths: string[]
}

/** A real calendar day, YYYY-MM-DD (2026-02-31 is refused). */
const day = () => z.string().max(10).refine(isLocalDate, { message: 'YYYY-MM-DD' })

export const firstScreenActions = {
  /** The villager's home: cadre card, waiting sign-offs, open tickets, notices, unread count, posting months. */
  'villager.home': defineAction<VillagerHomeView>()({ input: noInput }),
  /**
   * A resident cadre plans (or, with date null, cancels) his next visit to one of his households,
   * with an optional note (visitplan: what he means to do or bring).
   */
  'visit.plan': defineAction<{ householdId: string; date: string | null; note: string }>()({
    input: z.object({ householdId: id(), date: day().nullable(), note: text(VISIT_PLAN_NOTE_MAX).optional() }).strict(),
    errors: ['DATE.IN_PAST', 'VISIT.PLAN_TOO_FAR'],
    write: true,
  }),
}
