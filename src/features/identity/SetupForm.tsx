/**
 * 设置乡镇: the first administrator enters the one-time set-up code `npm run setup` printed (or the
 * cloud's MINQING_SETUP_CODE) and is bound as the township's office administrator: in H5 this
 * browser gets a session, in WeChat this account is bound. Test selectors: `.setup-form`, `.setup-code`,
 * `.setup-name`, `.setup-phone`, `.setup-township`, `.setup-submit`.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { session } from '../../services/api'
import { useSubmit } from '../../services/useSubmit'
import { HOME_PAGE } from '../login/useDevLogin'
import './identity.scss'

const m = msg.identity.setup

export const SetupForm = () => {
  const claim = useSubmit('setup.claim')
  const [code, setCode] = useState('')
  const [townshipName, setTownshipName] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const send = async () => {
    const out = await claim.submit({ code, name, phone, ...(townshipName.trim() ? { townshipName } : {}) })
    if (!out) return
    if (out.sessionToken) session.signIn(out.sessionToken)
    await Taro.reLaunch({ url: HOME_PAGE })
  }
  return (
    <Section title={m.title} className='setup-form'>
      <Text className='setup-form__hint'>{m.hint}</Text>
      <Field label={m.code} value={code} onChange={setCode} maxlength={20} className='setup-code' />
      <Field label={m.name} value={name} onChange={setName} maxlength={20} className='setup-name' />
      <Field label={m.phone} value={phone} onChange={setPhone} maxlength={11} className='setup-phone' />
      <Field label={m.townshipName} value={townshipName} onChange={setTownshipName} maxlength={40} className='setup-township' />
      <Button className='setup-submit' loading={claim.pending} onClick={() => void send()}>
        {m.submit}
      </Button>
      {claim.error ? <ErrorState message={claim.error.message} code={claim.error.code} /> : null}
    </Section>
  )
}
