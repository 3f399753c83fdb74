/**
 * A person's photo, or their family name's first character on a coloured disc when there is none
 * (wraps taro-ui AtAvatar).
 */
import AtAvatar from 'taro-ui/lib/components/avatar'
import 'taro-ui/lib/style/components/avatar.scss'
import './Avatar.scss'

export interface AvatarProps {
  name: string
  photoUrl?: string | null
  className?: string
}

export const Avatar = ({ name, photoUrl, className }: AvatarProps) => (
  <AtAvatar
    circle
    size='large'
    image={photoUrl ?? undefined}
    text={photoUrl ? undefined : name}
    className={['mq-avatar', className ?? ''].join(' ').trim()}
  />
)
