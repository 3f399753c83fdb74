/**
 * The web console's login off the demo (issue 10 item 5): a QR code (`minqing:login:<code>`) that a
 * bound staff member scans with the mini-program and confirms on the phone; this browser polls and
 * gets its session. No passwords. Test selectors: `.qr-login`, `.qr-login__code`, `.qr-login__refresh`.
 */
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { QrCode } from '../../components/QrCode'
import { ErrorState } from '../../components/State'
import type { LoginQrView } from '../../contracts'
import { msg } from '../../i18n'
import { ApiCallError, call, session } from '../../services/api'
import { useSubmit } from '../../services/useSubmit'
import { HOME_PAGE } from '../login/useDevLogin'
import './identity.scss'

const m = msg.identity.qrLogin
const POLL_MS = 2000

export const QrLogin = () => {
  const [qr, setQr] = useState<LoginQrView | null>(null)
  const [status, setStatus] = useState<'waiting' | 'expired'>('waiting')
  const [error, setError] = useState<ApiCallError | null>(null)
  const alive = useRef(true)
  const qrStart = useSubmit('login.qrStart')

  // A write through the one submit hook: a new code each time it succeeds, never two for one press.
  const start = async () => {
    setError(null)
    setStatus('waiting')
    const out = await qrStart.submit({})
    if (out && alive.current) setQr(out)
  }

  useEffect(() => {
    alive.current = true
    void start()
    return () => {
      alive.current = false
    }
  }, [])

  useEffect(() => {
    if (!qr || status !== 'waiting') return
    const timer = setInterval(() => {
      void call('login.qrPoll', { code: qr.code, pollToken: qr.pollToken })
        .then(async (answer) => {
          if (!alive.current) return
          if (answer.status === 'confirmed') {
            clearInterval(timer)
            session.signIn(answer.token)
            await Taro.reLaunch({ url: HOME_PAGE })
          } else if (answer.status === 'expired') {
            setStatus('expired')
          }
        })
        .catch((e: unknown) => {
          if (e instanceof ApiCallError && alive.current) {
            setError(e)
            setStatus('expired')
          }
        })
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [qr, status])

  const shownError = error ?? qrStart.error
  return (
    <View className='qr-login'>
      <Text className='qr-login__title'>{m.title}</Text>
      <Text className='qr-login__hint'>{m.hint}</Text>
      {qr && status === 'waiting' ? (
        <View className='qr-login__box'>
          <QrCode text={qr.qrText} label={m.title} className='qr-login__qr' />
          <Text className='qr-login__code' data-code={qr.code}>
            {qr.code}
          </Text>
          <Text className='qr-login__status'>{m.waiting}</Text>
        </View>
      ) : null}
      {status === 'expired' ? (
        <View className='qr-login__box'>
          <Text className='qr-login__status'>{m.expired}</Text>
          <Button className='qr-login__refresh' loading={qrStart.pending} onClick={() => void start()}>
            {m.refresh}
          </Button>
        </View>
      ) : null}
      {shownError ? <ErrorState message={shownError.message} code={shownError.code} /> : null}
    </View>
  )
}
