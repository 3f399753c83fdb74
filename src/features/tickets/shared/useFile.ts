/**
 * Submitting a new ticket (ticket.create): one request id per form, kept across retries. When the
 * network fails the submission waits in the outbox (sent by itself when the network returns) and
 * the person goes home, where the offline notice lists it: nothing typed is lost.
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { InputOf } from '../../../contracts'
import { toast } from '../../../components/feedback'
import { ApiCallError, newRequestId } from '../../../services/api'
import { sendOrQueue } from '../../../services/outbox'
import { zhCN } from '../../../i18n/zh-CN'

/** How much of the description names the waiting item in the offline notice. */
const LABEL_CHARS = 24

export const useFile = () => {
  const requestId = useRef(newRequestId())
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  const submit = async (input: InputOf<'ticket.create'>, detailPage: string) => {
    setPending(true)
    setError(null)
    try {
      const label = input.description.trim().slice(0, LABEL_CHARS)
      const sent = await sendOrQueue('ticket.create', input, { label, requestId: requestId.current })
      requestId.current = newRequestId()
      if (sent.status === 'queued') {
        toast(zhCN.outbox.queued)
        void Taro.reLaunch({ url: '/pages/index/index' })
        return
      }
      void Taro.redirectTo({ url: `${detailPage}?id=${sent.data.id}` })
    } catch (e) {
      setError(e instanceof ApiCallError ? e : new ApiCallError('SERVER.INTERNAL', String(e)))
    } finally {
      setPending(false)
    }
  }
  return { submit, pending, error }
}

/** The villager's ticket page (main package). */
export const MY_TICKET_PAGE = '/pages/ticket/index'
