/** Submitting a new ticket (ticket.create): one request id per form, kept across retries. */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { InputOf } from '../../../contracts'
import { ApiCallError, call, newRequestId } from '../../../services/api'

export const useFile = () => {
  const requestId = useRef(newRequestId())
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  const submit = async (input: InputOf<'ticket.create'>, detailPage: string) => {
    setPending(true)
    setError(null)
    try {
      const created = await call('ticket.create', input, { requestId: requestId.current })
      requestId.current = newRequestId()
      void Taro.redirectTo({ url: `${detailPage}?id=${created.id}` })
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
