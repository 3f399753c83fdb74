/**
 * 我的照片 (a township cadre, issue 12 item 9): the face villagers see on their home. Pick or take a
 * photo (compressed and uploaded by the media seam: /uploads locally, cloud storage in the weapp),
 * then it is saved as his own. Test selectors: `.cadre-photo`, `.cadre-photo__change`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Avatar } from '../../components/Avatar'
import { Button } from '../../components/Button'
import { Section } from '../../components/Section'
import { ErrorState } from '../../components/State'
import { toast } from '../../components/feedback'
import { msg } from '../../i18n'
import media from '../../services/media'
import { useSubmit } from '../../services/useSubmit'
import './CadrePhoto.scss'

const m = msg.portrait

export const CadrePhoto = ({ name, photoUrl }: { name: string; photoUrl: string | null }) => {
  const [shown, setShown] = useState(photoUrl)
  const [picking, setPicking] = useState(false)
  const save = useSubmit('cadre.setPhoto')
  const change = async () => {
    setPicking(true)
    try {
      const [picked] = await media.pickPhotos(1)
      if (!picked) return
      const out = await save.submit({ photoUrl: picked.url })
      if (out) {
        setShown(picked.preview)
        toast(m.saved)
      }
    } catch {
      toast(msg.ticketLoop.uploadFailed)
    } finally {
      setPicking(false)
    }
  }
  return (
    <Section title={m.title} className='cadre-photo'>
      <View className='mq-row cadre-photo__row'>
        <Avatar name={name} photoUrl={shown} />
        <Text className='mq-hint cadre-photo__hint'>{m.hint}</Text>
      </View>
      <Button kind='secondary' className='cadre-photo__change' loading={picking || save.pending} onClick={() => void change()}>
        {m.change}
      </Button>
      {save.error ? <ErrorState message={save.error.message} code={save.error.code} /> : null}
    </Section>
  )
}
