/**
 * Filing a ticket (ticket.create), for both kinds: the villager for their own household, or the
 * household's cadre on behalf of a member without a phone (the ticket says so). The kind-specific
 * checks live with their flow: a service request's answers (service-requests/), a problem report's
 * voice note and location (problem-reports/).
 * One rule: a ticket is born only through core newTicket, and its first notice goes out with it.
 */
import { newTicket } from '../../../../core/tickets'
import { actorOf } from '../../../context'
import { refuse } from '../../../errors'
import { policies } from '../../../policies'
import type { Handlers } from '../../types'
import { checkAttachments } from '../shared/attachments'
import { attachUploads, checkTicketQuota } from '../../uploads'
import { singleView } from '../shared/access'
import { householdContext } from '../shared/context'
import { notifyStep } from '../notifications/notify'
import { serviceRequestAnswers } from '../service-requests/answers'
import { problemReportExtras } from '../problem-reports/extras'

export const filingHandlers: Handlers<'ticket.create'> = {
  'ticket.create': async (input, ctx) => {
    const actor = actorOf(ctx)
    const householdId = input.householdId ?? actor.person.householdId
    if (!householdId) return refuse('AUTH.FORBIDDEN')
    // The household with its village, secretary and cadre: what the policy, the notices and the view need.
    const found = await householdContext(ctx.store, householdId)
    if (!found) return refuse('NOT_FOUND')
    const { household, context } = found
    if (!policies['ticket:create'](actor, household)) return refuse('AUTH.FORBIDDEN')
    await checkTicketQuota(ctx, actor)
    const onBehalf = household.cadreId === actor.person.id && actor.person.householdId !== household.id
    let onBehalfOfId: string | null = null
    if (input.onBehalfOfId) {
      const member = onBehalf ? await ctx.store.get('people', input.onBehalfOfId) : null
      if (!member || member.householdId !== household.id) return refuse('TICKET.NOT_HOUSEHOLD_MEMBER')
      onBehalfOfId = member.id
      context.people.set(member.id, member)
    }
    const photos = await checkAttachments(ctx, actor, input.photoUrls, 'photo')
    const answers = serviceRequestAnswers(input.kind, input.category, input.answers, ctx.settings)
    const extras = await problemReportExtras(ctx, actor, input)
    const created = newTicket(
      {
        id: ctx.newId('tk'),
        townshipId: household.townshipId,
        villageId: household.villageId,
        householdId: household.id,
        kind: input.kind,
        category: input.category,
        description: input.description,
        reporterId: actor.person.id,
        filedOnBehalf: onBehalf,
        anonymous: input.anonymous,
        photoUrls: input.photoUrls,
        answers,
        voiceUrl: extras.voiceUrl,
        location: extras.location,
        onBehalfOfId,
        assigneeId: household.cadreId,
        at: ctx.now,
      },
      ctx.settings,
    )
    if (!created.ok) return refuse(created.code)
    await ctx.store.insert('tickets', created.value)
    // The files now belong to the ticket: whoever may read it may see them (GET /uploads).
    const voice = extras.voiceUrl ? await ctx.store.find('uploads', { url: extras.voiceUrl }) : []
    await attachUploads(ctx, [...photos, ...voice], created.value.id)
    await notifyStep(ctx, created.value, null, actor.person.id, context)
    return singleView(ctx, actor, created.value, context)
  },
}
