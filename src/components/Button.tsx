/**
 * Our button (wraps taro-ui AtButton). `big` makes a villager-sized target (at least 60x60 px).
 * One rule: screens import this, never taro-ui, so the library can be swapped screen by screen.
 * Tests: click the `.at-button` root (a native button covers its visible text).
 */
import type { ReactNode } from 'react'
import AtButton from 'taro-ui/lib/components/button'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './Button.scss'

export interface ButtonProps {
  children: ReactNode
  onClick?: () => void
  kind?: 'primary' | 'secondary' | 'plain'
  big?: boolean
  loading?: boolean
  disabled?: boolean
  className?: string
  /** WeChat open abilities, e.g. 'share' (the share card). */
  openType?: 'share'
}

export const Button = ({ children, onClick, kind = 'primary', big = false, loading, disabled, className, openType }: ButtonProps) => (
  <AtButton
    openType={openType}
    type={kind === 'plain' ? undefined : kind}
    loading={loading}
    disabled={disabled}
    onClick={onClick ? () => onClick() : undefined}
    className={['mq-button', big ? 'mq-button--big' : '', className ?? ''].join(' ').trim()}
  >
    {children}
  </AtButton>
)
