/**
 * The page the invitation QR code opens: it accepts the token once. In WeChat the runtime's OPENID
 * is bound; in the H5 demo the answer carries a session, which signs the member in.
 * Test selectors: `.bind-accept`, `.bind-done`.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { ErrorState, Loading } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { session } from '../../services/api'
import { useSubmit } from '../../services/useSubmit'
import './binding.scss'

const m = msg.office.ui.binding

export const BindAccept = ({ token }: { token: string | undefined }) => {
  const accept = useSubmit('binding.accept')
  const [name, setName] = useState<string | null>(null)
  useEffect(() => {
    if (!token) return
    void accept.submit({ token }).then((out) => {
      if (!out) return
      if (out.sessionToken) session.signIn(out.sessionToken)
      setName(out.name)
    })
    // Once per token: accepting is one-time by design.
  }, [token])
  return (
    <Section title={m.acceptTitle} className='bind-accept'>
      {!token ? <ErrorState message={m.noToken} /> : null}
      {token && accept.pending ? <Loading text={m.accepting} /> : null}
      {accept.error ? <ErrorState message={accept.error.message} code={accept.error.code} /> : null}
      {name ? (
        <>
          <Text className='bind-done'>{m.accepted(name)}</Text>
          <Button big className='bind-home' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
            {m.goHome}
          </Button>
        </>
      ) : null}
    </Section>
  )
}
