/** React view of the outbox: whether we are online and what waits to be sent. */
import { useEffect, useRef, useState } from 'react'
import type { ActionName } from '../contracts'
import { outboxState, subscribeOutbox, type OutboxState } from './outbox'

export const useOutbox = (): OutboxState => {
  const [state, setState] = useState(outboxState)
  useEffect(() => {
    setState(outboxState())
    return subscribeOutbox(setState)
  }, [])
  return state
}

/**
 * Reloads a list when the outbox has sent something (an item left the queue): what was written
 * offline, e.g. a visit's signature, has reached the server, so the list the server answers changed.
 */
export const useReloadOnSent = (reload: () => void): void => {
  const before = useRef(outboxState().items.length)
  const again = useRef(reload)
  again.current = reload
  useEffect(
    () =>
      subscribeOutbox(({ items }) => {
        const sent = items.length < before.current
        before.current = items.length
        if (sent) again.current()
      }),
    [],
  )
}

/** The ids (input field `field`) of the writes of `actions` that still wait in the outbox. */
export const waitingIds = (items: OutboxState['items'], actions: readonly ActionName[], field: string): Set<string> =>
  new Set(
    items
      .filter((item) => actions.includes(item.action))
      .map((item) => (item.input as Record<string, unknown> | null)?.[field])
      .filter((id): id is string => typeof id === 'string'),
  )
