/**
 * Small pieces the ticket screens share: a labelled field, choice chips, a check row, 1-5 stars,
 * and a photo picker that compresses and uploads through the media service.
 * Test selectors: `.chip-<id>`, `.check-<id>`, `.star-<n>`, `.photo-picker`, `.photo-thumb`.
 */
import type { ReactNode } from 'react'
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { toast } from '../../../components/feedback'
import { msg } from '../../../i18n'
import media from '../../../services/media'
import { isPendingUrl } from '../../../services/media-types'
import './tickets.scss'

const m = msg.ticketLoop

export const Field = ({ label, children, className }: { label: string; children: ReactNode; className?: string }) => (
  <View className={['mq-field', className ?? ''].join(' ')}>
    <Text className='mq-field__label'>{label}</Text>
    {children}
  </View>
)

export const Chips = ({ options, selected, onToggle }: { options: { id: string; label: string }[]; selected: string[]; onToggle: (id: string) => void }) => (
  <View className='mq-chips'>
    {options.map((o) => (
      <View key={o.id} className={`mq-chip chip-${o.id} ${selected.includes(o.id) ? 'mq-chip--on' : ''}`} onClick={() => onToggle(o.id)}>
        <Text>{selected.includes(o.id) ? `✓ ${o.label}` : o.label}</Text>
      </View>
    ))}
  </View>
)

export const Check = ({ id, checked, label, onToggle }: { id: string; checked: boolean; label: string; onToggle: () => void }) => (
  <View className={`mq-check check-${id}`} onClick={onToggle}>
    <View className={`mq-check__box ${checked ? 'mq-check__box--on' : ''}`}>
      <Text>{checked ? '✓' : ''}</Text>
    </View>
    <Text>{label}</Text>
  </View>
)

export const Stars = ({ value, onChange }: { value: number; onChange: (n: number) => void }) => (
  <View className='stars'>
    {[1, 2, 3, 4, 5].map((n) => (
      <View key={n} className={`star star-${n} ${n <= value ? 'star--on' : ''}`} onClick={() => onChange(n)}>
        <Text>{m.stars(n)}</Text>
      </View>
    ))}
  </View>
)

export interface Photo {
  preview: string
  url: string
}

export const PhotoPicker = ({ photos, onChange, max }: { photos: Photo[]; onChange: (p: Photo[]) => void; max: number }) => {
  const [busy, setBusy] = useState(false)
  const add = async () => {
    setBusy(true)
    try {
      const picked = await media.pickPhotos(max - photos.length)
      onChange([...photos, ...picked].slice(0, max))
    } catch {
      toast(m.uploadFailed)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Field label={m.photos(photos.length, max)} className='photo-picker'>
      <View className='mq-photos'>
        {photos.map((p, i) => (
          <Image key={p.url} className={`mq-photo photo-thumb ${isPendingUrl(p.url) ? 'photo-thumb--waiting' : ''}`} src={p.preview} mode='aspectFill' onClick={() => onChange(photos.filter((_, j) => j !== i))} />
        ))}
      </View>
      {photos.some((p) => isPendingUrl(p.url)) ? <Text className='mq-hint photos-waiting'>{msg.field.photosWaiting}</Text> : null}
      {photos.length < max ? (
        <Button kind='secondary' className='add-photo' loading={busy} onClick={() => void add()}>
          {busy ? m.compressing : m.addPhoto}
        </Button>
      ) : null}
    </Field>
  )
}
