/**
 * 请销假: ask for leave (dates and reason); the list of my leaves and, for a team leader, the team's
 * requests with 批准 / 不批准. Dates are picked (never typed; not before today) and each message
 * stands under its field. Test selectors: `.leave-form`, `.leave-row`, `.leave-approve`.
 */
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { useConfirm } from '../../components/Confirm'
import dayjs from 'dayjs'
import { DateField } from '../../components/DateField'
import { notInPast } from '../../core/dates'
import { planDay } from '../villager/planDay'
import { Field, Line } from '../../components/Form'
import { toast } from '../../components/feedback'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import type { LeaveView } from '../../contracts/views-verdict'

const m = msg.verdict.leave
const d = msg.field.dates

export const LeavePanel = () => {
  const list = useCall('leave.list', {})
  const ask = useSubmit('leave.request')
  const decide = useSubmit('leave.decide')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reason, setReason] = useState('')
  const [local, setLocal] = useState<Record<string, string>>({})
  const confirm = useConfirm()
  const c = msg.lookA.confirm
  /** A team leader's decision is final (LEAVE.ALREADY_DECIDED): asked first, saying who sees it (look-a). */
  const decideOn = (l: LeaveView, approve: boolean) => {
    const spec = approve ? c.leaveApprove : c.leaveDecline
    confirm.ask({ title: spec.title(l.cadre.name), what: spec.what(planDay(l.from), planDay(l.to), m.days(l.days)), who: spec.who(l.cadre.name), ok: spec.ok, danger: !approve }, () => {
      void decide.submit({ leaveId: l.id, approve }).then((out) => out && list.reload())
    })
  }
  const today = dayjs().format('YYYY-MM-DD')
  // A message next to its field: what the screen found missing, else what the server refused.
  const issue = (path: string) => local[path] ?? ask.error?.issues.find((i) => i.path === path)?.message ?? null
  const send = async () => {
    const missing: Record<string, string> = {}
    // Today again at the tap: a form left open over midnight (or picked last night) holds a day that
    // has passed since; it is refused under its field before anything is sent (look-a, issue 12).
    const now = dayjs().format('YYYY-MM-DD')
    if (!from) missing.from = d.pick
    else if (!notInPast(from, now).ok) missing.from = d.inPast(now)
    if (!to) missing.to = d.pick
    if (from && to && to < from) missing.to = d.toBeforeFrom
    if (!reason.trim()) missing.reason = d.reasonRequired
    setLocal(missing)
    if (Object.keys(missing).length) return
    if (await ask.submit({ from, to, reason })) {
      toast(m.submitted)
      setFrom('')
      setTo('')
      setReason('')
      list.reload()
    }
  }
  return (
    <View className='leave-panel'>
      <Section title={m.title} className='leave-form'>
        <DateField label={m.from} value={from} onChange={setFrom} start={today} error={issue('from')} className='leave-from' />
        <DateField label={m.to} value={to} onChange={setTo} start={from || today} error={issue('to')} className='leave-to' />
        <Field label={m.reason} value={reason} onInput={setReason} placeholder={msg.lookA.leave.reasonHint} error={issue('reason')} className='leave-reason' />
        <Button className='leave-submit' loading={ask.pending} onClick={() => void send()}>
          {m.submit}
        </Button>
        {ask.error && ask.error.issues.length === 0 ? <ErrorState message={ask.error.message} code={ask.error.code} /> : null}
      </Section>
      <Section title={m.list}>
        <Loadable state={list.state} onRetry={list.reload} isEmpty={(l) => l.length === 0} emptyText={m.empty}>
          {(leaves) => (
            <View>
              {leaves.map((l) => (
                <View key={l.id} className={`leave-row leave-${l.id}`}>
                  <Line>{msg.verdict.fmt.leave(l.cadre.name, planDay(l.from), planDay(l.to), m.days(l.days), l.reason)}</Line>
                  <Line tone={l.status === 'approved' ? 'good' : l.status === 'declined' ? 'bad' : 'muted'}>
                    {l.decidedByName ? msg.verdict.fmt.then(m.status[l.status], m.decidedBy(l.decidedByName)) : m.status[l.status]}
                  </Line>
                  {l.canDecide ? (
                    <View className='mq-row'>
                      <Button className='leave-approve' onClick={() => decideOn(l, true)}>
                        {m.approve}
                      </Button>
                      <Button kind='secondary' className='leave-decline' onClick={() => decideOn(l, false)}>
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
        {confirm.dialog}
      </Section>
    </View>
  )
}
