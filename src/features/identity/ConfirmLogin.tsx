/**
 * The phone's side of the web console's QR login: the bound staff member sees which browser asks
 * (browser and system, the network address and the time, so a code someone else sent is noticed)
 * and what confirming does, and confirms (never on the scan alone).
 * Test selectors: `.confirm-login`, `.confirm-login__asker`, `.confirm-login__ok`, `.confirm-login__done`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDayTime } from '../../components/format'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import './identity.scss'

const m = msg.identity.qrLogin
const a = msg.loginAsker

export const ConfirmLogin = ({ code }: { code: string }) => {
  const confirm = useSubmit('login.qrConfirm')
  const details = useCall('login.qrDetails', { code })
  const [done, setDone] = useState(false)
  return (
    <Section title={m.confirmTitle} className='confirm-login'>
      <Text className='confirm-login__hint'>{m.confirmHint}</Text>
      {done ? (
        <Text className='confirm-login__done'>{m.confirmed}</Text>
      ) : (
        <Loadable state={details.state} onRetry={details.reload}>
          {(d) => (
            <View>
              <View className='confirm-login__asker'>
                <Text className='confirm-login__asker-title'>{a.title}</Text>
                <View className='confirm-login__row'>
                  <Text className='confirm-login__label'>{a.browser}</Text>
                  <Text className='confirm-login__browser'>{a.describe(d.browser, d.os)}</Text>
                </View>
                <View className='confirm-login__row'>
                  <Text className='confirm-login__label'>{a.address}</Text>
                  <Text className='confirm-login__address'>{d.address || a.unknown}</Text>
                </View>
                <View className='confirm-login__row'>
                  <Text className='confirm-login__label'>{a.askedAt}</Text>
                  <Text className='confirm-login__at'>{formatDayTime(d.askedAt)}</Text>
                </View>
                <Text className='confirm-login__warn'>{a.notYou}</Text>
              </View>
              <Button className='confirm-login__ok' loading={confirm.pending} onClick={() => void confirm.submit({ code }).then((r) => setDone(r !== null))}>
                {m.confirm}
              </Button>
            </View>
          )}
        </Loadable>
      )}
      {confirm.error ? <ErrorState message={confirm.error.message} code={confirm.error.code} /> : null}
      <View className='confirm-login__code'>{code}</View>
    </Section>
  )
}
