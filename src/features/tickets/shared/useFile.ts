/**
 * Submitting a new ticket (ticket.create) through the one submit hook: its request id is kept
 * across retries until the ticket is filed. When the network fails the submission waits in the
 * outbox (sent by itself when the network returns) and the person goes home, where the offline
 * notice lists it: nothing typed, photographed or recorded is lost.
 */
import Taro from '@tarojs/taro'
import type { InputOf } from '../../../contracts'
import { toast } from '../../../components/feedback'
import { useSubmit } from '../../../services/useSubmit'
import { msg } from '../../../i18n'
import { useSubscribeAsk } from '../../../services/subscribe'

/** How much of the description names the waiting item in the offline notice. */
const LABEL_CHARS = 24

export const useFile = () => {
  const create = useSubmit('ticket.create', {
    queue: (input) => input.description.trim().slice(0, LABEL_CHARS),
    onQueued: () => {
      toast(msg.outbox.queued)
      void Taro.reLaunch({ url: '/pages/index/index' })
    },
  })
  // wechat-notify: the reporter asks for the news a report or request brings (in the tap, before any await).
  const askNews = useSubscribeAsk(['taken', 'escalated', 'confirm'])
  const submit = async (input: InputOf<'ticket.create'>, detailPage: string) => {
    if (!input.onBehalfOfId) askNews()
    const out = await create.submit(input)
    if (out) void Taro.redirectTo({ url: `${detailPage}?id=${out.id}` })
  }
  return { submit, pending: create.pending, error: create.error }
}

/** The villager's ticket page (main package). */
export const MY_TICKET_PAGE = '/pages/ticket/index'
