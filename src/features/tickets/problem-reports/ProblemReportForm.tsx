/**
 * 反映问题 (problem report): text (optional when there is a voice note or a photo), up to 9 photos
 * compressed before upload, a voice note, a location, anonymity; before submitting, the hint that
 * the same problem is already open in the village, with "follow it instead".
 * Three taps from the home screen: 反映问题, (write or 拍照), 提交.
 * Test selectors: `.report-form`, `.description-input`, `.similar-hint`, `.follow-similar`, `.submit-ticket`.
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { Gcj02Point } from '../../../core/geo'
import { Button } from '../../../components/Button'
import { Section } from '../../../components/Section'
import { ErrorState, Loadable } from '../../../components/State'
import { toast } from '../../../components/feedback'
import type { CategoryView } from '../../../contracts'
import { msg } from '../../../i18n'
import media from '../../../services/media'
import { useCall } from '../../../services/useCall'
import { Check, Chips, Field, PhotoPicker, type Photo } from '../shared/Pieces'
import { useCategories } from '../shared/useTicket'
import { MY_TICKET_PAGE, useFile } from '../shared/useFile'
import { categoryName } from '../shared/words'
import { PublicTicketCard } from '../../voice/PublicTicket'

const m = msg.ticketLoop

const Form = ({ categories, householdId, detailPage }: { categories: CategoryView[]; householdId?: string; detailPage: string }) => {
  const problems = categories.filter((c) => c.kind !== 'service')
  const [categoryId, setCategoryId] = useState(problems.find((c) => c.id === 'other')?.id ?? problems[0]?.id ?? 'other')
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const [voice, setVoice] = useState<{ url: string; seconds: number } | null>(null)
  const [recording, setRecording] = useState(false)
  const [location, setLocation] = useState<Gcj02Point | null>(null)
  const [anonymous, setAnonymous] = useState(false)
  const similar = useCall('ticket.similar', { category: categoryId }, !householdId)
  const { submit, pending, error } = useFile()
  const others = similar.state.status === 'ready' ? similar.state.data.filter((s) => !s.ownHousehold) : []

  const toggleVoice = async () => {
    try {
      if (recording) {
        setRecording(false)
        setVoice(await media.stopVoice())
      } else {
        await media.startVoice()
        setRecording(true)
      }
    } catch {
      setRecording(false)
      toast(m.uploadFailed)
    }
  }
  const locate = async () => {
    try {
      setLocation(await media.locate())
    } catch {
      toast(m.locationFailed)
    }
  }
  const send = () => {
    const description = text.trim() || (voice ? m.voiceOnlyText : photos.length ? m.photosOnlyText : '')
    if (!description) {
      toast(msg.errors['TICKET.DESCRIPTION_REQUIRED'])
      return
    }
    void submit(
      {
        kind: 'problem',
        category: categoryId,
        description,
        anonymous,
        photoUrls: photos.map((p) => p.url),
        ...(voice ? { voiceUrl: voice.url } : {}),
        ...(location ? { location } : {}),
        ...(householdId ? { householdId } : {}),
      },
      detailPage,
    )
  }
  return (
    <Section title={m.reportTitle} className='report-form'>
      <Field label={m.describe}>
        <Textarea className='mq-textarea description-input' value={text} maxlength={500} placeholder={m.describeProblemPlaceholder} onInput={(e) => setText(e.detail.value)} />
      </Field>
      <PhotoPicker photos={photos} onChange={setPhotos} max={9} />
      <View className='mq-row'>
        <Button kind='secondary' className='voice-button' onClick={() => void toggleVoice()}>
          {recording ? m.voiceStop : voice ? m.voiceRecorded(voice.seconds) : m.voice}
        </Button>
        <Button kind='secondary' className='locate-button' onClick={() => void locate()}>
          {location ? m.locationAdded : m.location}
        </Button>
      </View>
      <Field label={m.chooseCategory}>
        <Chips options={problems.map((c) => ({ id: c.id, label: categoryName(c.id) }))} selected={[categoryId]} onToggle={setCategoryId} />
      </Field>
      {householdId ? null : <Check id='anonymous' checked={anonymous} label={m.anonymous} onToggle={() => setAnonymous(!anonymous)} />}
      {others.length ? (
        <View className='similar-hint'>
          <Text className='mq-warn'>{m.similarHint(others.length)}</Text>
          {/* issue 13: what the existing problem is (public view), then 关注 */}
          <PublicTicketCard ticketId={others[0]?.id ?? ''} compact />
        </View>
      ) : null}
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
      <Button big className='submit-ticket' loading={pending} onClick={send}>
        {pending ? m.submitting : others.length ? m.submitAnyway : m.submit}
      </Button>
    </Section>
  )
}

export const ProblemReportForm = ({ householdId, detailPage = MY_TICKET_PAGE }: { householdId?: string; detailPage?: string }) => {
  const categories = useCategories()
  return (
    <Loadable state={categories.state} onRetry={categories.reload}>
      {(list) => <Form categories={list} householdId={householdId} detailPage={detailPage} />}
    </Loadable>
  )
}
