/**
 * The sign-off page's content (main package: villagers open it from a code or a share card): the
 * visit as the cadre wrote it, who is signing (myself, or a member without a phone), the handwritten
 * signature, and the dispute with a reason. A refusal (not this household, window closed) is shown
 * in the server's plain words. Test selectors: `.sign-off`, `.sign-confirm`, `.sign-result`.
 */
import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Choice, Field, Line } from '../../components/Form'
import { formatDayTime } from '../../components/format'
import { toast } from '../../components/feedback'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import type { VisitSignView } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { SignaturePad } from './SignaturePad'
import type { SignaturePadHandle } from './signature-types'
import { visitStatusText } from './visitStatus'
import { useSubscribeAsk } from '../../services/subscribe'

const m = msg.verdict.sign

const Detail = ({ v }: { v: VisitSignView }) => (
  <Section title={m.title} className='sign-visit'>
    <Line>{m.who(v.cadre.name, v.cadre.title)}</Line>
    <Line tone='muted'>{msg.verdict.fmt.labeled(m.visitedAt, formatDayTime(v.at))}</Line>
    <Line>{msg.verdict.fmt.labeled(m.purpose, v.purpose)}</Line>
    {v.notes ? <Line>{msg.verdict.fmt.labeled(m.notes, v.notes)}</Line> : null}
    {v.problems ? <Line>{msg.verdict.fmt.labeled(m.problems, v.problems)}</Line> : null}
    <Line tone={v.counts ? 'good' : v.status === 'pending' && !v.expired ? undefined : 'bad'} className='sign-status'>
      {visitStatusText(v)}
    </Line>
  </Section>
)

const SignForm = ({ v, onDone }: { v: VisitSignView; onDone: (v: VisitSignView) => void }) => {
  const pad = useRef<SignaturePadHandle | null>(null)
  const onReady = useCallback((h: SignaturePadHandle) => {
    pad.current = h
  }, [])
  const [forWhom, setForWhom] = useState<string>('self')
  const [disputing, setDisputing] = useState(false)
  const [reason, setReason] = useState('')
  // Without signal the signature or the objection waits on the phone and goes out by itself.
  const queued = () => {
    toast(msg.outbox.queued)
    void Taro.reLaunch({ url: '/pages/index/index' })
  }
  const sign = useSubmit('visit.signOff', { queue: () => msg.field.queued.signOff, onQueued: queued })
  const object = useSubmit('visit.dispute', { queue: () => msg.field.queued.dispute, onQueued: queued })
  const onBehalfOfId = forWhom === 'self' ? undefined : forWhom
  // wechat-notify: signing, the member asks to hear of the household's next visit to sign.
  const askNews = useSubscribeAsk(['visitToSign'])
  const confirm = async () => {
    askNews()
    const png = await pad.current?.toPng()
    if (!png) return toast(m.emptySignature)
    const out = await sign.submit({ visitId: v.id, signaturePng: png, ...(onBehalfOfId ? { onBehalfOfId } : {}) })
    if (out) onDone({ ...v, ...out })
  }
  const sendDispute = async () => {
    const out = await object.submit({ visitId: v.id, reason, ...(onBehalfOfId ? { onBehalfOfId } : {}) })
    if (out) onDone({ ...v, ...out })
  }
  const error = sign.error ?? object.error
  return (
    <Section className='sign-off'>
      {v.proxyFor.length ? (
        <View className='sign-for'>
          <Text className='mq-line'>{m.forWhom}</Text>
          <Choice
            value={forWhom}
            onChange={setForWhom}
            options={[{ value: 'self', label: m.myself }, ...v.proxyFor.map((p) => ({ value: p.id, label: m.forMember(p.name) }))]}
          />
        </View>
      ) : null}
      <Text className='mq-line'>{m.padHint}</Text>
      <SignaturePad onReady={onReady} />
      <Button kind='plain' className='sign-clear' onClick={() => pad.current?.clear()}>
        {m.clear}
      </Button>
      <Button big className='sign-confirm' loading={sign.pending} onClick={() => void confirm()}>
        {m.confirm}
      </Button>
      {disputing ? (
        <View className='sign-dispute'>
          <Field label={m.disputeReason} value={reason} onInput={setReason} multiline className='dispute-reason' />
          <Button kind='secondary' className='dispute-submit' loading={object.pending} onClick={() => void sendDispute()}>
            {m.disputeSubmit}
          </Button>
        </View>
      ) : (
        <Button kind='secondary' className='sign-dispute-open' onClick={() => setDisputing(true)}>
          {m.dispute}
        </Button>
      )}
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
    </Section>
  )
}

export const SignOff = ({ visitId }: { visitId: string }) => {
  const { state, reload } = useCall('visit.get', { visitId }, visitId !== '')
  const [result, setResult] = useState<VisitSignView | null>(null)
  if (!visitId) return <ErrorState message={m.missing} />
  return (
    <Loadable state={state} onRetry={reload}>
      {(loaded) => {
        const v = result ?? loaded
        const open = v.status === 'pending' && !v.expired
        return (
          <View className='sign-page'>
            <Detail v={v} />
            {result ? (
              <Section className='sign-result'>
                <Line tone='good'>{result.status === 'signed' ? m.done : m.disputed}</Line>
              </Section>
            ) : open ? (
              <SignForm v={v} onDone={setResult} />
            ) : null}
          </View>
        )
      }}
    </Loadable>
  )
}
