/**
 * After every ticket step: an in-app notification to each person concerned (core/notifications decides who),
 * written in the step's transaction, and a WeChat subscribe message sent after it commits.
 * One rule: handlers call `notifyStep` after every status change, nothing else writes notifications.
 */
import { notificationRecipients } from '../../../../core/notifications'
import type { Ticket } from '../../../../core/model'
import { zhCN } from '../../../../i18n/zh-CN'
import type { HandlerContext } from '../../../context'
import type { TicketContext } from '../shared/context'
import { subscribeEventOf } from '../../../../core/subscribe'
import { openidsOf, sendSubscribeNews, type SubscribeNews } from '../../subscribe'

/** The page a ticket's subscribe message opens (main package). */
export const TICKET_PAGE = 'pages/ticket/index'

/** `context` holds the ticket's household and village secretary (read with the ticket: see shared/context). */
export const notifyStep = async (ctx: HandlerContext, ticket: Ticket, previousAssigneeId: string | null, actorId: string, context: TicketContext): Promise<void> => {
  const household = context.households.get(ticket.householdId)
  // Only a ticket filed on behalf notifies the household's members (they close the loop).
  const members = ticket.filedOnBehalf ? await ctx.store.find('people', { householdId: ticket.householdId }) : []
  const recipients = notificationRecipients({
    ticket,
    previousAssigneeId,
    actorId,
    householdMemberIds: members.map((p) => p.id),
    householdCadreId: household?.cadreId ?? null,
    villageSecretaryId: context.secretaries.get(ticket.villageId) ?? null,
  })
  if (recipients.length === 0) return
  const last = ticket.history[ticket.history.length - 1]
  await ctx.store.insertMany(
    'notifications',
    recipients.map((personId) => ({
      id: ctx.newId('nt'),
      townshipId: ticket.townshipId,
      personId,
      ticketId: ticket.id,
      action: last?.action ?? 'create',
      status: ticket.status,
      at: ctx.now,
      read: false,
    })),
  )
  const messenger = ctx.deps.messenger
  if (!messenger && !ctx.deps.wechatMessages) return
  const openidOf = await openidsOf(ctx, recipients)
  const words = zhCN.tickets.status[ticket.status]
  const at = ctx.now
  const action = last?.action ?? 'create'
  // Who closes the loop: the reporter, or for a ticket filed on behalf the household's members.
  const closesLoop = (personId: string) => (ticket.filedOnBehalf ? members.some((p) => p.id === personId) : personId === ticket.reporterId)
  const eventOf = (personId: string) => subscribeEventOf(action, closesLoop(personId))
  const send = async () => {
    if (messenger) {
      for (const personId of recipients) {
        await messenger.send({ personId, openid: openidOf.get(personId) ?? null, ticketId: ticket.id, status: ticket.status, words, at, event: eventOf(personId) })
      }
    }
    const w = zhCN.wechatNotify
    const matter = w.matter(zhCN.tickets.kind[ticket.kind], zhCN.ticketLoop.category[ticket.category] ?? ticket.category)
    const news = recipients.flatMap((personId): SubscribeNews[] => {
      const event = eventOf(personId)
      if (!event) return []
      const phrase = action.startsWith('escalate_') ? w.phrase.escalate : action === 'resolve' && event === 'confirm' ? w.phrase.resolveForLoop : (w.phrase as Record<string, string>)[action] ?? words
      const note = event === 'visitToSign' || event === 'monthClose' || event === 'unbound' ? '' : w.note[event]
      return [{ personId, openid: openidOf.get(personId) ?? null, event, page: `${TICKET_PAGE}?id=${encodeURIComponent(ticket.id)}`, values: { matter, status: phrase, note, person: '' }, at }]
    })
    await sendSubscribeNews(ctx.deps, news)
  }
  if (ctx.afterCommit) ctx.afterCommit(send)
  else await send()
}
