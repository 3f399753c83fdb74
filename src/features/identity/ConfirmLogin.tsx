/**
 * The phone's side of the web console's QR login: the bound staff member sees what confirming does
 * and confirms (never on the scan alone). Test selectors: `.confirm-login`, `.confirm-login__ok`, `.confirm-login__done`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { useSubmit } from '../../services/useSubmit'
import './identity.scss'

const m = msg.identity.qrLogin

export const ConfirmLogin = ({ code }: { code: string }) => {
  const confirm = useSubmit('login.qrConfirm')
  const [done, setDone] = useState(false)
  return (
    <Section title={m.confirmTitle} className='confirm-login'>
      <Text className='confirm-login__hint'>{m.confirmHint}</Text>
      {done ? (
        <Text className='confirm-login__done'>{m.confirmed}</Text>
      ) : (
        <Button className='confirm-login__ok' loading={confirm.pending} onClick={() => void confirm.submit({ code }).then((r) => setDone(r !== null))}>
          {m.confirm}
        </Button>
      )}
      {confirm.error ? <ErrorState message={confirm.error.message} code={confirm.error.code} /> : null}
      <View className='confirm-login__code'>{code}</View>
    </Section>
  )
}
