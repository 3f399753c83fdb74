/**
 * Local declarations for the few taro-ui 3.3.2 components we use, imported one by one from
 * `taro-ui/lib/components/<name>`: its own .d.ts files import a `types/` folder it does not publish.
 * One rule: only src/components imports taro-ui; screens use our wrappers.
 */
declare module 'taro-ui/lib/components/button' {
  import type { ComponentType, ReactNode } from 'react'
  export interface AtButtonProps {
    type?: 'primary' | 'secondary'
    size?: 'normal' | 'small'
    circle?: boolean
    full?: boolean
    loading?: boolean
    disabled?: boolean
    className?: string
    customStyle?: string | Record<string, string>
    onClick?: (event: any) => void
    openType?: 'share' | 'contact' | 'getPhoneNumber'
    /** openType 'getPhoneNumber': WeChat's answer, `detail.code` when the person allowed it. */
    onGetPhoneNumber?: (event: { detail?: { code?: string; errMsg?: string } }) => void
    children?: ReactNode
  }
  const AtButton: ComponentType<AtButtonProps>
  export default AtButton
}

declare module 'taro-ui/lib/components/avatar' {
  import type { ComponentType } from 'react'
  export interface AtAvatarProps {
    size?: 'small' | 'normal' | 'large'
    circle?: boolean
    image?: string
    /** Only the first character is shown. */
    text?: string
    className?: string
    customStyle?: string | Record<string, string>
  }
  const AtAvatar: ComponentType<AtAvatarProps>
  export default AtAvatar
}

declare module 'taro-ui/lib/components/activity-indicator' {
  import type { ComponentType } from 'react'
  export interface AtActivityIndicatorProps {
    size?: number
    color?: string
    content?: string
    mode?: 'center' | 'normal'
    isOpened?: boolean
    className?: string
  }
  const AtActivityIndicator: ComponentType<AtActivityIndicatorProps>
  export default AtActivityIndicator
}

declare module 'taro-ui/lib/components/list' {
  import type { ComponentType, ReactNode } from 'react'
  export interface AtListProps {
    hasBorder?: boolean
    className?: string
    children?: ReactNode
  }
  const AtList: ComponentType<AtListProps>
  export default AtList
}

declare module 'taro-ui/lib/components/list/item' {
  import type { ComponentType } from 'react'
  export interface AtListItemProps {
    title?: string
    note?: string
    extraText?: string
    arrow?: 'up' | 'down' | 'right'
    hasBorder?: boolean
    disabled?: boolean
    className?: string
    onClick?: (event: any) => void
  }
  const AtListItem: ComponentType<AtListItemProps>
  export default AtListItem
}
