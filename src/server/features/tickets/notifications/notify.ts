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
  if (!messenger) return
  const bindings = await ctx.store.find('bindings', { personId: recipients })
  const openidOf = new Map(bindings.map((b) => [b.personId, b.openid]))
  const words = zhCN.tickets.status[ticket.status]
  const at = ctx.now
  const send = async () => {
    for (const personId of recipients) {
      await messenger.send({ personId, openid: openidOf.get(personId) ?? null, ticketId: ticket.id, status: ticket.status, words, at })
    }
  }
  if (ctx.afterCommit) ctx.afterCommit(send)
  else await send()
}
