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
  /** WeChat open abilities: 'share' (the share card), 'getPhoneNumber' (the verified phone's code). */
  openType?: 'share' | 'getPhoneNumber'
  /** With openType 'getPhoneNumber': the code WeChat hands out, or null when the person declined. */
  onPhoneCode?: (code: string | null) => void
}

export const Button = ({ children, onClick, kind = 'primary', big = false, loading, disabled, className, openType, onPhoneCode }: ButtonProps) => (
  <AtButton
    openType={openType}
    onGetPhoneNumber={
      onPhoneCode
        ? (event: { detail?: { code?: string } }) => onPhoneCode(typeof event.detail?.code === 'string' && event.detail.code !== '' ? event.detail.code : null)
        : undefined
    }
    type={kind === 'plain' ? undefined : kind}
    loading={loading}
    disabled={disabled}
    onClick={onClick ? () => onClick() : undefined}
    className={['mq-button', big ? 'mq-button--big' : '', className ?? ''].join(' ').trim()}
  >
    {children}
  </AtButton>
)
