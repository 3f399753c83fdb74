/**
 * A cadre's record (档案, DOMAIN 3.8): the closed months' attendance (543 per week, sign-ins,
 * absences, leave, signed village days) and 1135 band scores as the close stored them, the
 * supervision group's findings, self-reviews and responsibility notes (责任追究), which the team
 * leader or the township may add. Scores show counts of raters, never who rated.
 * Test selectors: `.cadre-record`, `.record-month-<period>`, `.record-findings`, `.finding-row`,
 * `.record-reviews`, `.record-notes`, `.note-row`, `.note-text`, `.note-add`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { formatDate, formatWeek } from '../../components/format'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { CadreRecordView, RecordMonth } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { findingText } from '../supervision/finding-text'
import { useSubmit } from '../../services/useSubmit'
import './records.scss'
import '../ratings/score.scss'

const m = msg.records
const lb = msg.lookB.score
const BANDS = ['leaders', 'peers', 'committees', 'villagers'] as const

const Month = ({ month }: { month: RecordMonth }) => (
  <View className={`record-row record-month record-month-${month.period}`}>
    <Text className='record-row__title'>{msg.plain.month(month.period)}</Text>
    <Text className='record-row__meta'>{m.signIns(month.signIns.valid, month.signIns.invalid)}</Text>
    <Text className='record-row__meta'>{`${m.leave(month.leaveDays.length)} · ${m.absences(month.absences.length, month.absences.map((d) => d.slice(5)).join('、'))}`}</Text>
    <Text className='record-row__meta'>{m.villageDays(month.villageDays.length, month.allowanceYuan)}</Text>
    {month.weeks.map((w) => (
      <Text key={w.weekKey} className={`record-row__meta record-week ${w.compliant ? '' : 'record-week--short'}`}>
        {m.week(formatWeek(w.weekKey), w.workDays, w.nights, w.villageDays, w.required, w.compliant)}
      </Text>
    ))}
    <Text className='record-row__meta record-score'>{m.scoreTotal(month.score.total, month.score.insufficientBands)}</Text>
    {BANDS.map((b) => {
      const s = month.score.bands[b]
      return (
        <View key={b} className={`record-band record-band-${b}`}>
          <Text className='record-row__meta mq-band-label'>{lb.bandLabel(m.bands[b], s.weight)}</Text>
          <Text className='record-row__meta record-band__value'>{lb.bandValue(s.points, s.raters, s.sufficient)}</Text>
        </View>
      )
    })}
  </View>
)

const NoteForm = ({ cadreId, onDone }: { cadreId: string; onDone: () => void }) => {
  const add = useSubmit('records.addNote')
  const [period, setPeriod] = useState('')
  const [text, setText] = useState('')
  const save = async () => {
    if (!text.trim()) return toast(m.noteRequired)
    const p = period.trim()
    if (p && !/^\d{4}-(0[1-9]|1[0-2])$/.test(p)) return toast(m.notePeriodBad)
    if (await add.submit({ cadreId, period: p || null, text })) {
      toast(m.noteAdded)
      setText('')
      setPeriod('')
      onDone()
    }
  }
  return (
    <View className='note-form'>
      <Field label={m.notePeriod} value={period} onChange={setPeriod} maxlength={7} className='note-period' />
      <Field label={m.noteText} value={text} onChange={setText} multiline maxlength={500} className='note-text' />
      <Button className='note-add' loading={add.pending} onClick={() => void save()}>
        {m.noteAdd}
      </Button>
      {add.error ? <ErrorState message={add.error.message} code={add.error.code} /> : null}
    </View>
  )
}

const Record = ({ data, reload }: { data: CadreRecordView; reload: () => void }) => (
  <View className={`cadre-record cadre-record-${data.cadre.id}`}>
    <Section title={m.recordTitle(data.cadre.name)}>
      <Text className='record-row__meta'>{`${data.cadre.title}${data.cadre.duty ? ` · ${m.duty[data.cadre.duty]}` : ''}`}</Text>
      <Text className='record-row__meta'>{m.team(data.teamName)}</Text>
      <Text className='record-row__meta record-responsible'>{m.responsible(data.responsible?.name ?? null)}</Text>
    </Section>
    <Section title={m.monthsTitle} className='record-months'>
      {data.months.length ? data.months.map((month) => <Month key={month.period} month={month} />) : <Text className='record-row__meta'>{m.monthsEmpty}</Text>}
    </Section>
    <Section title={m.findingsTitle} className='record-findings'>
      {data.findings.length ? (
        data.findings.map((f) => (
          <View key={f.id} className='record-row finding-row'>
            <Text className='record-row__title'>{`${m.source[f.source]} · ${formatDate(f.at)}`}</Text>
            <Text className='record-row__meta'>{findingText(f)}</Text>
          </View>
        ))
      ) : (
        <Text className='record-row__meta'>{m.findingsEmpty}</Text>
      )}
    </Section>
    <Section title={m.reviewsTitle} className='record-reviews'>
      {data.selfReviews.length ? (
        data.selfReviews.map((r) => (
          <View key={r.period} className='record-row review-row'>
            <Text className='record-row__title'>{msg.plain.month(r.period)}</Text>
            <Text className='record-row__meta'>{r.text}</Text>
          </View>
        ))
      ) : (
        <Text className='record-row__meta'>{m.reviewsEmpty}</Text>
      )}
    </Section>
    <Section title={m.notesTitle} className='record-notes'>
      {data.chainNotes.length ? (
        data.chainNotes.map((n) => (
          <View key={n.id} className='record-row note-row'>
            <Text className='record-row__title'>{m.noteBy(n.by, formatDate(n.at), n.period)}</Text>
            <Text className='record-row__meta'>{n.text}</Text>
          </View>
        ))
      ) : (
        <Text className='record-row__meta'>{m.notesEmpty}</Text>
      )}
      {data.canAddNote ? <NoteForm cadreId={data.cadre.id} onDone={reload} /> : null}
    </Section>
    {/* issue 13: the supervision group's call-backs about this cadre's work */}
    <Section title={msg.voice.callBacks.inRecord} className='record-callbacks'>
      {data.callBacks.length ? (
        data.callBacks.map((c, i) => (
          <View key={i} className='record-row callback-record-row'>
            <Text className='record-row__title'>{`${formatDate(c.at)} ${msg.voice.callBacks.reason[c.reason] ?? ''}`}</Text>
            <Text className='record-row__meta'>
              {c.state === 'done' ? [c.outcome ? msg.voice.callBacks.outcome[c.outcome] : '', c.note].filter(Boolean).join('：') : c.state === 'overdue' ? msg.voice.callBacks.overdue : msg.voice.callBacks.due(formatDate(c.at))}
            </Text>
          </View>
        ))
      ) : (
        <Text className='record-row__meta'>{msg.voice.callBacks.recordEmpty}</Text>
      )}
    </Section>
  </View>
)

export const CadreRecord = ({ cadreId }: { cadreId: string }) => {
  const { state, reload } = useCall('cadre.record', { cadreId })
  return (
    <Loadable state={state} onRetry={reload}>
      {(data) => <Record data={data} reload={reload} />}
    </Loadable>
  )
}
