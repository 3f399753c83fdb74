/**
 * 督导工作台: whether the month has its 2 unannounced checks; plan one, record its outcome (a
 * problem with a named cadre goes into that cadre's record); verify by phone or in person whether a
 * cadre is in a village; decide public supervisors' reports; the findings recorded.
 * Test selectors: `.supervision-panel`, `.checks-status`, `.plan-check`, `.check-row`, `.record-ok`,
 * `.findings-filter`, `.finding-row`, `.open-record`.
 */
import { useEffect, useState } from 'react'
import dayjs from 'dayjs'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { useConfirm } from '../../components/Confirm'
import { Choice, Field } from '../../components/Field'
import { DateField } from '../../components/DateField'
import { toast } from '../../components/feedback'
import { formatDate } from '../../components/format'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { CheckView, SupervisionDashboardView } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { FindingRow } from './FindingRow'
import './supervision.scss'

const m = msg.office.ui.supervision
const d = msg.office.ui.dashboard
const r = msg.records
const asks = msg.asks
const more = msg.supervisionMore

const thisMonth = () => {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
}

const CheckRow = ({ c, cadres, onDone }: { c: CheckView; cadres: SupervisionDashboardView['cadres']; onDone: () => void }) => {
  const record = useSubmit('supervision.recordCheck')
  const confirm = useConfirm()
  const [note, setNote] = useState('')
  const [cadreId, setCadreId] = useState('')
  const save = async (outcome: 'ok' | 'problem') => {
    if (await record.submit({ checkId: c.id, outcome, cadreId: cadreId || null, note })) {
      toast(m.recorded)
      onDone()
    }
  }
  // A problem goes into a person's record: it says so first.
  const ask = (outcome: 'ok' | 'problem') => {
    if (!note.trim()) return toast(m.noteRequired)
    if (outcome === 'ok') return void save('ok')
    const name = cadres.find((x) => x.id === cadreId)?.name ?? null
    confirm.ask({ ...asks.problem, what: asks.problem.what(name), danger: true }, () => void save('problem'))
  }
  return (
    <View className={`sup-row check-row check-row--${c.status}`}>
      <Text className='sup-row__title'>{`${c.date} ${m.kind[c.kind]} · ${c.villageName ?? ''} · ${m.status[c.status]}${c.outcome ? `：${m.outcome[c.outcome]}` : ''}`}</Text>
      {c.cadreName ? <Text className='sup-row__meta'>{`${m.cadre}：${c.cadreName}${c.method ? `（${m.method[c.method]}）` : ''}`}</Text> : null}
      {c.note ? <Text className='sup-row__meta'>{c.note}</Text> : null}
      {c.status === 'planned' ? (
        <View className='sup-form'>
          <Field label={m.note} value={note} onChange={setNote} multiline className='check-note' />
          <Choice label={m.cadre} options={[{ value: '', label: m.none }, ...cadres.map((x) => ({ value: x.id, label: x.name }))]} value={cadreId} onChange={setCadreId} />
          <View className='sup-buttons'>
            <Button className='record-ok' loading={record.pending} onClick={() => ask('ok')}>
              {m.recordOk}
            </Button>
            <Button kind='secondary' className='record-problem' onClick={() => ask('problem')}>
              {m.recordProblem}
            </Button>
          </View>
          {record.error ? <ErrorState message={record.error.message} code={record.error.code} /> : null}
        </View>
      ) : null}
      {confirm.dialog}
    </View>
  )
}

const PlanCheck = ({ data, onDone }: { data: SupervisionDashboardView; onDone: () => void }) => {
  const plan = useSubmit('supervision.planCheck')
  const [date, setDate] = useState('')
  const [villageId, setVillageId] = useState('')
  const submit = async () => {
    if (!date) return toast(msg.field.dates.pick)
    if (await plan.submit({ date, villageId: villageId || null, note: '' })) {
      toast(m.planned)
      setDate('')
      onDone()
    }
  }
  return (
    <Section title={m.planTitle} className='plan-check'>
      <DateField label={m.date} value={date} onChange={setDate} start={dayjs().format('YYYY-MM-DD')} error={plan.error?.issues.find((i) => i.path === 'date')?.message ?? null} className='plan-date' />
      <Choice label={d.village} options={[{ value: '', label: m.none }, ...data.villages.map((v) => ({ value: v.id, label: v.name }))]} value={villageId} onChange={setVillageId} className='plan-village' />
      <Button className='plan-submit' loading={plan.pending} onClick={() => void submit()}>
        {m.plan}
      </Button>
      {plan.error ? <ErrorState message={plan.error.message} code={plan.error.code} /> : null}
    </Section>
  )
}

/**
 * 核实干部是否在村: nothing is preselected but the cadre's own village once a cadre is chosen (the
 * village he is said to be in); a note of how it was verified is required; both outcomes ask first.
 */
const VerifyPresence = ({ data, onDone }: { data: SupervisionDashboardView; onDone: () => void }) => {
  const verify = useSubmit('supervision.verifyPresence')
  const confirm = useConfirm()
  const [cadreId, setCadreId] = useState('')
  const [villageId, setVillageId] = useState('')
  const [method, setMethod] = useState<'phone' | 'inPerson'>('phone')
  const [note, setNote] = useState('')
  const cadre = data.cadres.find((x) => x.id === cadreId)
  const villageName = (id: string | null | undefined) => data.villages.find((v) => v.id === id)?.name ?? ''
  const chooseCadre = (id: string) => {
    setCadreId(id)
    setVillageId(data.cadres.find((x) => x.id === id)?.villageId ?? '')
  }
  const submit = async (present: boolean) => {
    if (await verify.submit({ cadreId, villageId, method, present, note: note.trim() })) {
      toast(m.verified)
      setNote('')
      onDone()
    }
  }
  const ask = (present: boolean) => {
    if (!cadre) return toast(r.reportCadreRequired)
    if (!villageId) return toast(more.villageRequired)
    if (!note.trim()) return toast(more.noteRequired)
    const spec = present ? asks.present : asks.absent
    confirm.ask(
      {
        title: spec.title(cadre.name, villageName(villageId)),
        what: present ? asks.present.what : asks.absent.what(note.trim()),
        who: spec.who,
        ok: spec.ok,
        danger: !present,
      },
      () => void submit(present),
    )
  }
  return (
    <Section title={m.verifyTitle} className='verify-presence'>
      <Choice label={m.cadre} className='verify-cadre' options={data.cadres.map((x) => ({ value: x.id, label: x.name }))} value={cadreId} onChange={chooseCadre} />
      {cadre?.villageId ? <Text className='mq-hint verify-own-village'>{more.cadreVillage(villageName(cadre.villageId))}</Text> : null}
      <Choice label={d.village} className='verify-village' options={data.villages.map((v) => ({ value: v.id, label: v.name }))} value={villageId} onChange={setVillageId} />
      <Choice label='' options={[{ value: 'phone' as const, label: m.method.phone }, { value: 'inPerson' as const, label: m.method.inPerson }]} value={method} onChange={setMethod} />
      <Field label={more.noteLabel} value={note} onChange={setNote} multiline className='verify-note' />
      <View className='sup-buttons'>
        <Button className='verify-present' loading={verify.pending} onClick={() => ask(true)}>
          {m.present}
        </Button>
        <Button kind='secondary' className='verify-absent' onClick={() => ask(false)}>
          {m.absent}
        </Button>
      </View>
      {verify.error ? <ErrorState message={verify.error.message} code={verify.error.code} /> : null}
      {confirm.dialog}
    </Section>
  )
}

const Reports = ({ onDecided }: { onDecided: () => void }) => {
  const { state, reload } = useCall('supervision.reports', {})
  const resolve = useSubmit('supervision.resolveReport')
  const confirm = useConfirm()
  const decide = async (reportId: string, upheld: boolean) => {
    if (await resolve.submit({ reportId, upheld, note: upheld ? m.uphold : m.dismiss })) {
      reload()
      onDecided()
    }
  }
  return (
    <Section title={m.reportsTitle} className='reports-panel'>
      <Loadable state={state} onRetry={reload} isEmpty={(r) => r.length === 0} emptyText={m.reportsEmpty}>
        {(reports) => (
          <View>
            {reports.map((r) => (
              <View key={r.id} className='sup-row report-row'>
                <Text className='sup-row__title'>{`${r.reporter} · ${formatDate(r.at)}${r.cadreName ? ` · ${r.cadreName}` : ''}`}</Text>
                <Text className='sup-row__meta'>{r.text}</Text>
                {r.status === 'open' ? (
                  <View className='sup-buttons'>
                    <Button className='report-uphold' onClick={() => confirm.ask({ ...asks.uphold, danger: true }, () => void decide(r.id, true))}>
                      {m.uphold}
                    </Button>
                    <Button kind='secondary' className='report-dismiss' onClick={() => void decide(r.id, false)}>
                      {m.dismiss}
                    </Button>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </Loadable>
      {resolve.error ? <ErrorState message={resolve.error.message} code={resolve.error.code} /> : null}
      {confirm.dialog}
    </Section>
  )
}

/** The findings in the cadres' records, all or one cadre's (supervision.findings by cadre). */
const Findings = ({ generation, cadres }: { generation: number; cadres: SupervisionDashboardView['cadres'] }) => {
  const [cadreId, setCadreId] = useState('')
  const { state, reload } = useCall('supervision.findings', { cadreId: cadreId || null })
  // A recorded check or an upheld report may have added a finding: load again, keeping the filter.
  useEffect(() => {
    if (generation > 0) reload()
  }, [generation, reload])
  return (
    <Section title={m.findingsTitle} className='findings-panel'>
      <Choice label={r.findingsFilter} className='findings-filter' options={[{ value: '', label: r.allCadres }, ...cadres.map((x) => ({ value: x.id, label: x.name }))]} value={cadreId} onChange={setCadreId} />
      <Loadable state={state} onRetry={reload} isEmpty={(rows) => rows.length === 0} emptyText={m.findingsEmpty}>
        {(rows) => (
          <View>
            {rows.map((f) => (
              <FindingRow key={f.id} f={f} showSource />
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}

export const SupervisionPanel = () => {
  const [month] = useState(thisMonth)
  const [generation, setGeneration] = useState(0)
  const { state, reload } = useCall('supervision.dashboard', { month })
  const changed = () => {
    reload()
    setGeneration((g) => g + 1)
  }
  return (
    <View className='supervision-panel'>
      <Loadable state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Section title={`${m.checksTitle}（${data.month}）`}>
              <Text className={`checks-status checks-status--${data.met ? 'met' : 'short'}`}>{d.checks(data.done, data.required, data.met)}</Text>
              {/* issue 13: the call-back queue's counts, a door to the queue */}
              <Text className='sup-row__meta callback-counts'>{msg.voice.callBacks.counts(data.callBacks.due, data.callBacks.overdue, data.callBacks.done)}</Text>
              {data.checks.map((c) => (
                <CheckRow key={c.id} c={c} cadres={data.cadres} onDone={changed} />
              ))}
            </Section>
            <PlanCheck data={data} onDone={changed} />
            <VerifyPresence data={data} onDone={changed} />
          </View>
        )}
      </Loadable>
      <Reports onDecided={changed} />
      <Findings generation={generation} cadres={state.status === 'ready' ? state.data.cadres : []} />
    </View>
  )
}
