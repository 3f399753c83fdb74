/**
 * Issue 13: the supervision group's call-back queue (好差评 回访): counts due / overdue / done,
 * overdue first; each with the reason, the cadre, the household and a call button; the outcome is
 * recorded (into the cadre's record) after a confirmation.
 * Test selectors: `.callback-queue`, `.callback-counts`, `.callback-row`, `.callback-<outcome>`.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDate } from '../../components/format'
import { Field } from '../../components/Form'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import type { CallBackView } from '../../contracts'
import { CALL_BACK_OUTCOMES } from '../../core/voice'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { confirmThen } from './confirm'
import './voice.scss'

const c = msg.voice.callBacks

const Row = ({ item, onDone }: { item: CallBackView; onDone: () => void }) => {
  const [note, setNote] = useState('')
  const record = useSubmit('callback.record')
  const when = item.state === 'done' ? c.done : item.state === 'overdue' ? `${c.overdue}（${c.due(formatDate(item.dueAt))}）` : c.due(formatDate(item.dueAt))
  return (
    <View className={`voice-row callback-row callback-row--${item.state}`}>
      <Text className='voice-row__title'>{[c.reason[item.reason], item.stars ? c.stars(item.stars) : ''].filter(Boolean).join(' · ')}</Text>
      <Text className={item.state === 'overdue' ? 'voice-row__warn' : 'voice-row__meta'}>{when}</Text>
      <Text className='voice-row__meta'>{c.household(item.householdNumber, item.personName)}</Text>
      <Text className='voice-row__meta'>{c.cadre(item.cadre.name)}</Text>
      {item.state === 'done' ? (
        <Text className='voice-row__text'>{[item.outcome ? c.outcome[item.outcome] : '', item.note].filter(Boolean).join('：')}</Text>
      ) : (
        <View className='voice-card'>
          {item.phone ? (
            <Button kind='secondary' className='callback-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: item.phone }).catch(() => undefined)}>
              {c.call}
            </Button>
          ) : null}
          <Field label={c.record} value={note} onInput={setNote} placeholder={c.notePlaceholder} multiline className='callback-note' />
          <View className='voice-buttons'>
            {CALL_BACK_OUTCOMES.map((o) => (
              <Button
                key={o}
                kind={o === 'satisfied' ? 'primary' : 'secondary'}
                className={`callback-${o}`}
                onClick={() =>
                  void confirmThen(c.recordConfirm(c.outcome[o] ?? o), async () => {
                    if (await record.submit({ callBackId: item.id, outcome: o, note })) onDone()
                  })
                }
              >
                {c.outcome[o] ?? o}
              </Button>
            ))}
          </View>
          {record.error ? <ErrorState message={record.error.message} code={record.error.code} /> : null}
        </View>
      )}
    </View>
  )
}

export const CallBackQueue = () => {
  const list = useCall('callback.list', {})
  return (
    <Section title={c.title} className='callback-queue'>
      <Loadable state={list.state} onRetry={list.reload}>
        {(data) => (
          <View>
            {/* look-b: the counts and the empty line each on their own line (they ran together), and what would come here */}
            <View className='callback-head'>
              <Text className='voice-row__title callback-counts'>{c.counts(data.counts.due, data.counts.overdue, data.counts.done)}</Text>
              {data.entries.length === 0 ? <Text className='voice-row__meta callback-empty'>{msg.lookB.callBacksEmpty}</Text> : null}
            </View>
            {data.entries.map((item) => (
              <Row key={item.id} item={item} onDone={list.reload} />
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}
