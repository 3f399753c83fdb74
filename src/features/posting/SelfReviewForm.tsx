/**
 * 自我点评: a resident cadre writes their own review of last month before it is closed; it is
 * published with the posting. Test selectors: `.self-review`, `.self-review-save`.
 */
import { useState } from 'react'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { ErrorState } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { useSubmit } from '../../services/useSubmit'

const m = msg.office.ui.posting

/** Last month (client clock: only the default of what the cadre reviews). */
const lastMonth = (): string => {
  const now = new Date()
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

export const SelfReviewForm = () => {
  const [period] = useState(lastMonth)
  const [text, setText] = useState('')
  const save = useSubmit('cadre.selfReview')
  const submit = async () => {
    if (await save.submit({ period, text })) toast(m.selfReviewSaved)
  }
  return (
    <Section title={`${m.selfReviewTitle}（${period}）`} className='self-review'>
      <Field label={m.self} value={text} onChange={setText} multiline className='self-review-text' />
      <Button className='self-review-save' loading={save.pending} onClick={() => void submit()}>
        {m.selfReviewSave}
      </Button>
      {save.error ? <ErrorState message={save.error.message} code={save.error.code} /> : null}
    </Section>
  )
}
