/**
 * 作风建设监督员: file a report about a cadre's conduct; the supervision group checks it.
 * Test selectors: `.report-form`, `.report-send`.
 */
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import { zhCN } from '../../i18n/zh-CN'
import { useSubmit } from '../../services/useSubmit'
import './supervision.scss'

const m = zhCN.office.ui.supervision

export const ReportForm = () => {
  const file = useSubmit('supervision.fileReport')
  const [text, setText] = useState('')
  const send = async () => {
    if (await file.submit({ cadreId: null, villageId: null, text })) {
      toast(m.reportSent)
      setText('')
    }
  }
  return (
    <Section title={m.reportTitle} className='report-form'>
      <Text className='sup-row__meta'>{m.reportHint}</Text>
      <Field label={m.reportText} value={text} onChange={setText} multiline maxlength={1000} className='report-text' />
      <Button className='report-send' big loading={file.pending} onClick={() => void send()}>
        {m.reportSend}
      </Button>
      {file.error ? <ErrorState message={file.error.message} code={file.error.code} /> : null}
    </Section>
  )
}
