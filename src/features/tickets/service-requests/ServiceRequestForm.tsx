/**
 * 办事 (service request): choose a category, answer its own questions (from settings, checked again
 * by the server), describe, add photos, and see when it is promised. A cadre filing on behalf of a
 * villager without a phone passes the household.
 * Test selectors: `.service-form`, `.chip-<category>`, `.question-<id>`, `.submit-ticket`.
 */
import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { formatDate } from '../../../components/format'
import { Section } from '../../../components/Section'
import { ErrorState, Loadable } from '../../../components/State'
import { toast } from '../../../components/feedback'
import type { CategoryView } from '../../../contracts'
import type { AnswerValue } from '../../../core/model'
import { msg } from '../../../i18n'
import { Chips, Field, PhotoPicker, type Photo } from '../shared/Pieces'
import { useCategories } from '../shared/useTicket'
import { MY_TICKET_PAGE, useFile } from '../shared/useFile'
import { categoryName, optionName, questionLabel } from '../shared/words'

const m = msg.ticketLoop

const Form = ({ categories, householdId, detailPage }: { categories: CategoryView[]; householdId?: string; detailPage: string }) => {
  const services = categories.filter((c) => c.kind !== 'problem')
  const [categoryId, setCategoryId] = useState(services[0]?.id ?? '')
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({})
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const { submit, pending, error } = useFile()
  const category = services.find((c) => c.id === categoryId)
  const set = (id: string, v: AnswerValue) => setAnswers({ ...answers, [id]: v })
  const send = () => {
    if (!category) return
    if (category.questions.some((q) => q.required && (answers[q.id] === undefined || answers[q.id] === '' || (Array.isArray(answers[q.id]) && (answers[q.id] as string[]).length === 0)))) {
      toast(m.answerRequired)
      return
    }
    const description = text.trim() || categoryName(category.id)
    void submit({ kind: 'service', category: category.id, description, answers, photoUrls: photos.map((p) => p.url), ...(householdId ? { householdId } : {}) }, detailPage)
  }
  return (
    <Section title={m.serviceTitle} className='service-form'>
      <Field label={m.chooseCategory}>
        <Chips options={services.map((c) => ({ id: c.id, label: categoryName(c.id) }))} selected={[categoryId]} onToggle={(id) => { setCategoryId(id); setAnswers({}) }} />
      </Field>
      {category ? <Text className='mq-hint expected-date'>{m.expected(formatDate(Date.now() + category.deadlineHours * 3_600_000))}</Text> : null}
      {category?.questions.map((q) => {
        const label = `${questionLabel(q.id, q.label)}${q.required ? ' *' : ''}`
        const value = answers[q.id]
        if (q.type === 'single' || q.type === 'multi') {
          const selected = Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
          const toggle = (id: string) =>
            q.type === 'single' ? set(q.id, id) : set(q.id, selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id])
          return (
            <Field key={q.id} label={label} className={`question-${q.id}`}>
              <Chips options={(q.options ?? []).map((o) => ({ id: o, label: optionName(o) }))} selected={selected} onToggle={toggle} />
            </Field>
          )
        }
        return (
          <Field key={q.id} label={label} className={`question-${q.id}`}>
            <Input
              className='mq-input'
              type={q.type === 'number' ? 'digit' : 'text'}
              value={value === undefined ? '' : String(value)}
              onInput={(e) => set(q.id, q.type === 'number' ? (e.detail.value === '' ? '' : Number(e.detail.value)) : e.detail.value)}
            />
          </Field>
        )
      })}
      <Field label={m.describe}>
        <Textarea className='mq-textarea description-input' value={text} maxlength={500} placeholder={m.describeServicePlaceholder} onInput={(e) => setText(e.detail.value)} />
      </Field>
      <PhotoPicker photos={photos} onChange={setPhotos} max={9} />
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
      <View>
        <Button big className='submit-ticket' loading={pending} onClick={send}>
          {pending ? m.submitting : m.submit}
        </Button>
      </View>
    </Section>
  )
}

export const ServiceRequestForm = ({ householdId, detailPage = MY_TICKET_PAGE }: { householdId?: string; detailPage?: string }) => {
  const categories = useCategories()
  return (
    <Loadable state={categories.state} onRetry={categories.reload}>
      {(list) => <Form categories={list} householdId={householdId} detailPage={detailPage} />}
    </Loadable>
  )
}
