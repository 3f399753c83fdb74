/**
 * 作风建设监督员: file a report about a named cadre of the township (chosen from the roster, found
 * by name) and optionally the village; the supervision group checks it.
 * Test selectors: `.report-form`, `.report-search`, `.report-cadre`, `.report-village`, `.report-text`, `.report-send`.
 */
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Choice, Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { OutputOf } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import './supervision.scss'

const m = msg.office.ui.supervision
const r = msg.records
/** Chips shown at once; more are found by typing a name. */
const SHOWN = 12

const Form = ({ targets }: { targets: OutputOf<'supervision.reportTargets'> }) => {
  const file = useSubmit('supervision.fileReport')
  const [query, setQuery] = useState('')
  const [cadreId, setCadreId] = useState('')
  const [villageId, setVillageId] = useState('')
  const [text, setText] = useState('')
  const q = query.trim()
  const matching = targets.cadres.filter((c) => c.id === cadreId || !q || c.name.includes(q)).slice(0, SHOWN)
  const send = async () => {
    if (!cadreId) return toast(r.reportCadreRequired)
    if (await file.submit({ cadreId, villageId: villageId || null, text })) {
      toast(m.reportSent)
      setText('')
      setCadreId('')
    }
  }
  return (
    <>
      <Field label={r.reportCadreSearch} value={query} onChange={setQuery} maxlength={20} className='report-search' />
      <Choice label={r.reportCadre} options={matching.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))} value={cadreId} onChange={setCadreId} className='report-cadre' />
      <Choice label={r.reportVillage} options={[{ value: '', label: m.none }, ...targets.villages.map((v) => ({ value: v.id, label: v.name }))]} value={villageId} onChange={setVillageId} className='report-village' />
      <Field label={m.reportText} value={text} onChange={setText} multiline maxlength={1000} className='report-text' />
      <Button className='report-send' big loading={file.pending} onClick={() => void send()}>
        {m.reportSend}
      </Button>
      {file.error ? <ErrorState message={file.error.message} code={file.error.code} /> : null}
    </>
  )
}

export const ReportForm = () => {
  const { state, reload } = useCall('supervision.reportTargets', {})
  return (
    <Section title={m.reportTitle} className='report-form'>
      <Text className='sup-row__meta'>{m.reportHint}</Text>
      <Loadable state={state} onRetry={reload}>
        {(targets) => <Form targets={targets} />}
      </Loadable>
    </Section>
  )
}
