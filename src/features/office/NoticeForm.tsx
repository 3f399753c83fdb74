/**
 * 村务公开: post a notice to the whole township or one village, and see what was posted.
 * Test selectors: `.notice-form`, `.notice-post`, `.notice-row`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Choice, Field } from '../../components/Field'
import { toast } from '../../components/feedback'
import { formatDate } from '../../components/format'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import './office.scss'

const m = msg.office.ui.notices

export const NoticeForm = () => {
  const list = useCall('office.notices', {})
  const post = useSubmit('office.postNotice')
  const [to, setTo] = useState('')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const send = async () => {
    if (await post.submit({ villageId: to || null, title, body })) {
      toast(m.posted)
      setTitle('')
      setBody('')
      list.reload()
    }
  }
  const options = list.state.status === 'ready' ? list.state.data.villages.map((v) => ({ value: v.id, label: v.name })) : []
  return (
    <View>
      <Section title={m.title} className='notice-form'>
        <Choice label={m.to} options={[{ value: '', label: m.township }, ...options]} value={to} onChange={setTo} />
        <Field label={m.titleField} value={title} onChange={setTitle} maxlength={40} className='notice-title' />
        <Field label={m.body} value={body} onChange={setBody} multiline maxlength={1000} className='notice-body' />
        <Button className='notice-post' loading={post.pending} onClick={() => void send()}>
          {m.post}
        </Button>
        {post.error ? <ErrorState message={post.error.message} code={post.error.code} /> : null}
      </Section>
      <Section title={m.listTitle}>
        <Loadable state={list.state} onRetry={list.reload} isEmpty={(d) => d.notices.length === 0} emptyText={m.empty}>
          {(d) => (
            <View>
              {d.notices.map((n) => (
                <View key={n.id} className='office-row notice-row'>
                  <Text className='office-row__title'>{n.title}</Text>
                  <Text className='office-row__meta'>{`${m.scope(n.villageName)} · ${n.author} · ${formatDate(n.at)}`}</Text>
                  <Text className='office-row__meta'>{n.body}</Text>
                </View>
              ))}
            </View>
          )}
        </Loadable>
      </Section>
    </View>
  )
}
