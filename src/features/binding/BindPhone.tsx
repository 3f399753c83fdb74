/**
 * 绑定身份 by phone. In WeChat: one button (open-type="getPhoneNumber"); WeChat asks the person to
 * allow their verified number, whose code the server exchanges and matches with the roster. In H5:
 * the phone number, a one-time code sent to it (the local server prints it on its console, as an
 * SMS would), and 绑定, which signs the person in. When the roster phone is missing or wrong, the
 * village secretary or the office issues an invitation instead.
 * Test selectors: `.bind-phone`, `.bind-phone-input`, `.bind-code-input`, `.bind-send`, `.bind-submit`, `.bind-done`.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { session } from '../../services/api'
import { useSubmit } from '../../services/useSubmit'
import { useSubscribeAsk } from '../../services/subscribe'
import './binding.scss'

const m = msg.binding

const Done = ({ name }: { name: string }) => {
  // In WeChat, the tap on 回到首页 also asks to hear if the township ever unbinds this account.
  const askNews = useSubscribeAsk(['unbound'])
  return (
    <>
      <Text className='bind-done'>{m.bound(name)}</Text>
      <Button
        big
        className='bind-home'
        onClick={() => {
          askNews()
          void Taro.reLaunch({ url: '/pages/index/index' })
        }}
      >
        {m.goHome}
      </Button>
    </>
  )
}

const WechatPhone = () => {
  const bind = useSubmit('binding.byPhone')
  const [name, setName] = useState<string | null>(null)
  const [declined, setDeclined] = useState(false)
  const onCode = async (code: string | null) => {
    setDeclined(code === null)
    if (!code) return
    const out = await bind.submit({ code })
    if (out) setName(out.name)
  }
  if (name) return <Done name={name} />
  return (
    <>
      <Button big openType='getPhoneNumber' onPhoneCode={(code) => void onCode(code)} loading={bind.pending} className='bind-wechat'>
        {m.wechatButton}
      </Button>
      <Text className='binding-note'>{m.wechatHint}</Text>
      {declined ? <ErrorState message={msg.errors['BINDING.PHONE_REFUSED']} code='BINDING.PHONE_REFUSED' /> : null}
      {bind.error ? <ErrorState message={bind.error.message} code={bind.error.code} /> : null}
    </>
  )
}

const CodeForm = () => {
  const send = useSubmit('binding.sendCode')
  const bind = useSubmit('binding.byCode')
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sent, setSent] = useState(false)
  const [name, setName] = useState<string | null>(null)
  const phoneOk = /^1\d{10}$/.test(phone.trim())
  const sendCode = async () => {
    if ((await send.submit({ phone: phone.trim() })) !== null) setSent(true)
  }
  const submit = async () => {
    const out = await bind.submit({ phone: phone.trim(), code: code.trim() })
    if (!out) return
    if (out.sessionToken) session.signIn(out.sessionToken)
    setName(out.name)
  }
  if (name) return <Done name={name} />
  const error = bind.error ?? send.error
  return (
    <View className='bind-code-form'>
      <Field label={m.phoneLabel} placeholder={m.phonePlaceholder} type='number' maxlength={11} value={phone} onChange={setPhone} className='bind-phone-input' />
      <Button kind='secondary' className='bind-send' disabled={!phoneOk} loading={send.pending} onClick={() => void sendCode()}>
        {m.sendCode}
      </Button>
      {sent ? <Text className='binding-note bind-sent'>{m.codeSent}</Text> : null}
      <Field label={m.codeLabel} placeholder={m.codePlaceholder} type='number' maxlength={6} value={code} onChange={setCode} className='bind-code-input' />
      <Button big className='bind-submit' disabled={!phoneOk || !/^\d{6}$/.test(code.trim())} loading={bind.pending} onClick={() => void submit()}>
        {m.bindButton}
      </Button>
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
    </View>
  )
}

export const BindPhone = () => (
  <Section title={m.title} className='bind-phone'>
    <Text className='binding-note'>{m.intro}</Text>
    {process.env.TARO_ENV === 'weapp' ? <WechatPhone /> : <CodeForm />}
    <Text className='binding-note binding-fallback'>{m.inviteFallback}</Text>
  </Section>
)
