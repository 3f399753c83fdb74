/**
 * 请销假: ask for leave (dates and reason); the list of my leaves and, for a team leader, the team's
 * requests with 批准 / 不批准. Test selectors: `.leave-form`, `.leave-row`, `.leave-approve`.
 */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field, Line } from '../../components/Form'
import { toast } from '../../components/feedback'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import { zhCN } from '../../i18n/zh-CN'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'

const m = zhCN.verdict.leave

export const LeavePanel = () => {
  const list = useCall('leave.list', {})
  const ask = useSubmit('leave.request')
  const decide = useSubmit('leave.decide')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reason, setReason] = useState('')
  return (
    <View className='leave-panel'>
      <Section title={m.title} className='leave-form'>
        <Field label={m.from} value={from} onInput={setFrom} placeholder='2026-12-01' className='leave-from' />
        <Field label={m.to} value={to} onInput={setTo} placeholder='2026-12-02' className='leave-to' />
        <Field label={m.reason} value={reason} onInput={setReason} className='leave-reason' />
        <Button
          className='leave-submit'
          loading={ask.pending}
          onClick={async () => {
            if (await ask.submit({ from, to, reason })) {
              toast(m.submitted)
              list.reload()
            }
          }}
        >
          {m.submit}
        </Button>
        {ask.error ? <ErrorState message={ask.error.message} code={ask.error.code} /> : null}
      </Section>
      <Section title={m.list}>
        <Loadable state={list.state} onRetry={list.reload} isEmpty={(l) => l.length === 0} emptyText={m.empty}>
          {(leaves) => (
            <View>
              {leaves.map((l) => (
                <View key={l.id} className={`leave-row leave-${l.id}`}>
                  <Line>{zhCN.verdict.fmt.leave(l.cadre.name, l.from, l.to, m.days(l.days), l.reason)}</Line>
                  <Line tone={l.status === 'approved' ? 'good' : l.status === 'declined' ? 'bad' : 'muted'}>
                    {l.decidedByName ? zhCN.verdict.fmt.then(m.status[l.status], m.decidedBy(l.decidedByName)) : m.status[l.status]}
                  </Line>
                  {l.canDecide ? (
                    <View className='mq-row'>
                      <Button className='leave-approve' onClick={async () => (await decide.submit({ leaveId: l.id, approve: true })) && list.reload()}>
                        {m.approve}
                      </Button>
                      <Button kind='secondary' className='leave-decline' onClick={async () => (await decide.submit({ leaveId: l.id, approve: false })) && list.reload()}>
                        {m.decline}
                      </Button>
                    </View>
                  ) : null}
                </View>
              ))}
            </View>
          )}
        </Loadable>
        {decide.error ? <ErrorState message={decide.error.message} code={decide.error.code} /> : null}
      </Section>
    </View>
  )
}
