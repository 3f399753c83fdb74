/**
 * Shows its children only for a known person: loading while me.get runs; in WeChat an unbound
 * person is sent to 绑定身份 (by phone); other failures show the message and 重试.
 */
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button } from '../../components/Button'
import { Loading, ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import type { MeView } from '../../contracts'
import { msg } from '../../i18n'
import { isSignedOutError } from '../../services/api'
import { BIND_PAGE, useSession } from './useSession'

export const SessionGate = ({ children }: { children: (me: MeView) => ReactNode }) => {
  const { state, reload } = useSession()
  if (state.status === 'loading') return <Loading />
  if (state.status === 'error') {
    // H5: on the way to the login screen.
    if (isSignedOutError(state.error)) return <Loading />
    if (state.error.code === 'AUTH.NOT_BOUND') {
      return (
        <Section title={msg.home.notBoundTitle} className='not-bound'>
          <ErrorState message={msg.errors['AUTH.NOT_BOUND']} code={state.error.code} onRetry={reload} />
          <Button big className='go-bind' onClick={() => void Taro.navigateTo({ url: BIND_PAGE })}>
            {msg.binding.title}
          </Button>
        </Section>
      )
    }
    return <ErrorState message={state.error.message} code={state.error.code} onRetry={reload} />
  }
  return <>{children(state.data)}</>
}
