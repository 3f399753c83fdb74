/**
 * 约个时间上门 (visitplan, issue 12 item 9): the household's own cadre picks a day (a wheel that
 * offers today to two months on; the core's rule checks it again) and writes a note. Moving or
 * cancelling a plan the villager already sees asks first, saying what changes and who sees it.
 * Test selectors: `.plan-visit`, `.plan-current`, `.plan-date`, `.plan-note`, `.plan-save`, `.plan-cancel`.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import dayjs from 'dayjs'
import { Button } from '../../components/Button'
import { useConfirm } from '../../components/Confirm'
import { DateField } from '../../components/DateField'
import { toast } from '../../components/feedback'
import { Field, Line } from '../../components/Form'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import type { HouseholdRow } from '../../contracts'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { planDay } from '../villager/planDay'
import { lastPlanDay, planDateIssue } from './plans'
import { msg } from '../../i18n'

const m = msg.visitPlan

const leave = () => {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
}

const PlanForm = ({ household }: { household: HouseholdRow }) => {
  const today = dayjs().format('YYYY-MM-DD')
  const [current, setCurrent] = useState(household.plannedVisit)
  const [date, setDate] = useState('')
  const [note, setNote] = useState(household.plannedNote)
  const [tried, setTried] = useState(false)
  const plan = useSubmit('visit.plan')
  const { ask, dialog } = useConfirm()
  const issue = tried ? planDateIssue(date, today) : null
  const serverIssue = plan.error && (plan.error.code === 'DATE.IN_PAST' || plan.error.code === 'VISIT.PLAN_TOO_FAR') ? plan.error.message : null

  const send = async (next: string | null) => {
    const out = await plan.submit({ householdId: household.id, date: next, note: next ? note : '' })
    if (!out) return
    setCurrent(out.date)
    toast(out.date ? m.saved(planDay(out.date)) : m.cancelled)
    if (out.date) setTimeout(leave, 1_200)
  }
  const save = () => {
    setTried(true)
    if (planDateIssue(date, today)) return
    if (current && current !== date)
      ask({ title: m.confirmMove.title, what: m.confirmMove.what(planDay(current), planDay(date)), who: m.confirmMove.who, ok: m.confirmMove.ok }, () => void send(date))
    else void send(date)
  }
  const cancel = () => {
    if (!current) return
    ask({ title: m.confirmCancel.title, what: m.confirmCancel.what(planDay(current)), who: m.confirmCancel.who, ok: m.confirmCancel.ok, danger: true }, () => void send(null))
  }

  return (
    <Section title={m.household(msg.verdict.fmt.household(household.number, household.headName))} className='plan-visit'>
      <Line className={`plan-current ${current ? 'plan-current--set' : ''}`}>{current ? m.current(planDay(current)) : m.none}</Line>
      <DateField label={m.date} value={date} onChange={setDate} start={today} end={lastPlanDay(today)} error={issue ?? serverIssue} className='plan-date' />
      <Field label={m.note} value={note} onInput={setNote} placeholder={m.noteHint} className='plan-note' />
      <Button big className='plan-save' loading={plan.pending} onClick={save}>
        {current ? m.move : m.save}
      </Button>
      {current ? (
        <Button kind='secondary' className='plan-cancel' onClick={cancel}>
          {m.cancel}
        </Button>
      ) : null}
      {plan.error && !serverIssue ? <ErrorState message={plan.error.message} code={plan.error.code} /> : null}
      {dialog}
    </Section>
  )
}

/** The plan screen for one household of the signed-in cadre (`household` in the page's query). */
export const PlanVisit = ({ householdId }: { householdId: string }) => {
  const households = useCall('cadre.households', {})
  return (
    <View>
      <Loadable state={households.state} onRetry={households.reload}>
        {(list) => {
          const household = list.find((h) => h.id === householdId)
          return household ? <PlanForm household={household} /> : <ErrorState message={m.notYours} code='plan-not-yours' />
        }}
      </Loadable>
    </View>
  )
}
