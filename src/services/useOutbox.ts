/** React view of the outbox: whether we are online and what waits to be sent. */
import { useEffect, useState } from 'react'
import { outboxState, subscribeOutbox, type OutboxState } from './outbox'

export const useOutbox = (): OutboxState => {
  const [state, setState] = useState(outboxState)
  useEffect(() => {
    setState(outboxState())
    return subscribeOutbox(setState)
  }, [])
  return state
}
