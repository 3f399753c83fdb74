/**
 * images (issue 13 item 2's photos): on the office's moderation screen, the photos no automatic check
 * decided (a self-hosted server without one, WeChat's "review", a check that failed). Each shows the
 * photo, what it belongs to (a report, a handler's step, a cadre's portrait), the village and when;
 * 可以公开 / 不公开 with a reason the reporter reads, each asked first (it cannot be changed after).
 * A photo of the caller's own (his portrait, his upload, his work) shows why a colleague decides it.
 * Test selectors: `.photo-queue`, `.photo-row`, `.photo-row__image`, `.approve-photo`, `.refuse-photo`, `.refuse-photo-<reason>`, `.photo-not-yours`.
 */
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { useConfirm, type UseConfirm } from '../../components/Confirm'
import { formatDate } from '../../components/format'
import { Section } from '../../components/Section'
import { ErrorState, Loadable } from '../../components/State'
import { toast } from '../../components/feedback'
import type { PhotoReviewView } from '../../contracts'
import { PHOTO_REFUSALS, type PhotoRefusal } from '../../core/media'
import { msg } from '../../i18n'
import { useFileUrls } from '../../services/file-urls'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { categoryName } from '../tickets/shared/words'
import './voice.scss'

const m = msg.images.queue

/** The reasons that fit what the photo shows on: a portrait is refused as not a portrait, a report's photo as off the topic. */
const reasonsFor = (item: PhotoReviewView): PhotoRefusal[] => PHOTO_REFUSALS.filter((r) => (item.place === 'portrait' ? r !== 'offTopic' : r !== 'notPortrait'))

const Row = ({ item, shown, confirm, onDone }: { item: PhotoReviewView; shown: (url: string) => string; confirm: UseConfirm; onDone: () => void }) => {
  const [refusing, setRefusing] = useState(false)
  const decision = useSubmit('photo.decide')
  const run = async (approve: boolean, reason?: PhotoRefusal) => {
    if (!(await decision.submit({ checkId: item.id, approve, ...(reason ? { reason } : {}) }))) return
    toast(m.done)
    onDone()
  }
  const approve = () =>
    confirm.ask({ title: m.approveConfirm.title, what: m.approveConfirm.what, who: m.approveConfirm.who[item.place] ?? '', ok: m.approveConfirm.ok }, () => void run(true))
  const refuse = (reason: PhotoRefusal) =>
    confirm.ask(
      {
        title: m.refuseConfirm.title,
        what: item.place === 'portrait' ? m.refuseConfirm.whatPortrait : m.refuseConfirm.what(msg.images.reasons[reason] ?? reason),
        who: m.refuseConfirm.who[item.place] ?? '',
        ok: m.refuseConfirm.ok,
        danger: true,
      },
      () => void run(false, reason),
    )
  const what = item.place === 'portrait' ? m.portraitOf(item.cadre?.name ?? '') : m.place[item.place]
  const where = [item.villageName, item.category ? m.category(categoryName(item.category)) : ''].filter(Boolean).join(' · ')
  return (
    <View className={`voice-row photo-row photo-row--${item.place}`}>
      <View className='photo-row__body'>
        <Image className='photo-row__image' src={shown(item.url)} mode='aspectFit' nativeProps={{ alt: what }} ariaLabel={what} />
        <View className='photo-row__facts'>
          <Text className='voice-row__title'>{what}</Text>
          {where ? <Text className='voice-row__meta'>{where}</Text> : null}
          <Text className='voice-row__meta'>{m.uploaded(formatDate(item.requestedAt))}</Text>
          <Text className='voice-row__warn photo-row__why'>{m.why[item.status] ?? item.status}</Text>
          {item.label ? <Text className='voice-row__meta'>{m.hint(msg.guard.photos.labels[item.label] ?? msg.guard.photos.labels['21000'] ?? '')}</Text> : null}
        </View>
      </View>
      {decision.error ? <ErrorState message={decision.error.message} code={decision.error.code} /> : null}
      {!item.mayDecide ? (
        <Text className='voice-row__meta photo-not-yours'>{m.notYours}</Text>
      ) : refusing ? (
        <View className='voice-card'>
          <Text className='voice-row__meta'>{m.chooseReason}</Text>
          <View className='voice-buttons'>
            {reasonsFor(item).map((r) => (
              <Button key={r} kind='secondary' className={`refuse-photo-${r}`} onClick={() => refuse(r)}>
                {msg.images.reasons[r] ?? r}
              </Button>
            ))}
            <Button kind='secondary' className='refuse-photo-back' onClick={() => setRefusing(false)}>
              {m.back}
            </Button>
          </View>
        </View>
      ) : (
        <View className='voice-buttons'>
          <Button className='approve-photo' onClick={approve}>
            {m.approve}
          </Button>
          <Button kind='secondary' className='refuse-photo' onClick={() => setRefusing(true)}>
            {m.refuse}
          </Button>
        </View>
      )}
    </View>
  )
}

export const PhotoQueue = () => {
  const queue = useCall('photo.queue', {})
  const confirm = useConfirm()
  const urls = queue.state.status === 'ready' ? queue.state.data.items.map((i) => i.url) : []
  const shown = useFileUrls(urls)
  return (
    <Section title={m.title} className='photo-queue'>
      <Text className='voice-row__meta'>{m.intro}</Text>
      <Loadable state={queue.state} onRetry={queue.reload} isEmpty={(d) => d.items.length === 0} emptyText={m.empty}>
        {(data) => (
          <View>
            <Text className='voice-row__meta photo-queue__count'>{m.waiting(data.waiting)}</Text>
            {data.items.map((item) => (
              <Row key={item.id} item={item} shown={shown} confirm={confirm} onDone={queue.reload} />
            ))}
          </View>
        )}
      </Loadable>
      {confirm.dialog}
    </Section>
  )
}
