/**
 * The three states every screen has: loading, empty, and error (what happened + 重试).
 * One rule: an error always shows the server's (or the catalogue's) Chinese sentence and a way on.
 */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import AtActivityIndicator from 'taro-ui/lib/components/activity-indicator'
import 'taro-ui/lib/style/components/activity-indicator.scss'
import { msg } from '../i18n'
import { Button } from './Button'
import './State.scss'

export const Loading = ({ text = msg.common.loading }: { text?: string }) => (
  <View className='mq-state mq-state--loading'>
    <AtActivityIndicator size={48} color='#b3261e' content={text} />
  </View>
)

export const Empty = ({ text = msg.common.empty }: { text?: string }) => (
  <View className='mq-state mq-state--empty'>
    <Text className='mq-state__text'>{text}</Text>
  </View>
)

export interface ErrorStateProps {
  message: string
  onRetry?: () => void
  /** Stable selector suffix for tests, e.g. the error code. */
  code?: string
}

export const ErrorState = ({ message, onRetry, code }: ErrorStateProps) => (
  <View className={`mq-state mq-state--error ${code ? `error-${code.replace(/\./g, '-')}` : ''}`}>
    <Text className='mq-state__text error-message'>{message}</Text>
    {onRetry ? (
      <Button kind='secondary' onClick={onRetry} className='retry-button'>
        {msg.common.retry}
      </Button>
    ) : null}
  </View>
)

export interface LoadableProps<T> {
  state: { status: 'loading' } | { status: 'error'; error: { code: string; message: string } } | { status: 'ready'; data: T }
  onRetry: () => void
  /** Shown instead of children when the data is empty. */
  isEmpty?: (data: T) => boolean
  emptyText?: string
  children: (data: T) => ReactNode
}

/** Loading, error with 重试, empty, or the content: the one way screens show loaded data. */
export function Loadable<T>({ state, onRetry, isEmpty, emptyText, children }: LoadableProps<T>) {
  if (state.status === 'loading') return <Loading />
  if (state.status === 'error') return <ErrorState message={state.error.message} code={state.error.code} onRetry={onRetry} />
  if (isEmpty?.(state.data)) return <Empty text={emptyText} />
  return <>{children(state.data)}</>
}
