/**
 * A person's photo, or their family name's first character on a coloured disc when there is none
 * (wraps taro-ui AtAvatar). A photo is our own Image so that it carries its name for screen readers
 * (`alt` in H5 through nativeProps, aria-label in the weapp).
 */
import { Image } from '@tarojs/components'
import AtAvatar from 'taro-ui/lib/components/avatar'
import 'taro-ui/lib/style/components/avatar.scss'
import { msg } from '../i18n'
import { useFileUrls } from '../services/file-urls'
import './Avatar.scss'

export interface AvatarProps {
  name: string
  photoUrl?: string | null
  className?: string
}

export const Avatar = ({ name, photoUrl, className }: AvatarProps) => {
  // office-files: a photo in WeChat cloud storage is shown through its temporary URL.
  const shown = useFileUrls(photoUrl ? [photoUrl] : [])
  return photoUrl ? (
    <Image
      className={['mq-avatar', 'mq-avatar--photo', className ?? ''].join(' ').trim()}
      src={shown(photoUrl)}
      mode='aspectFill'
      ariaLabel={msg.cadreCard.photoOf(name)}
      nativeProps={{ alt: msg.cadreCard.photoOf(name) }}
    />
  ) : (
    <AtAvatar circle size='large' text={name} className={['mq-avatar', className ?? ''].join(' ').trim()} />
  )
}
