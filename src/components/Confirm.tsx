/**
 * The one confirmation before an action that cannot be undone (撤回, 办结, 结账, a supervision
 * finding...): it says what will happen and who will see it, may show a preview (结账 shows the
 * posting), and runs the action only on the explicit confirm button. 取消 (or the backdrop) changes
 * nothing. Screens use `useConfirm()`: `ask(spec, run)` opens it, `{dialog}` renders it.
 * Test selectors: `.mq-confirm`, `.mq-confirm__what`, `.mq-confirm__who`, `.confirm-ok`, `.confirm-cancel`.
 */
import { useCallback, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { msg } from '../i18n'
import { Button } from './Button'
import './Confirm.scss'

const m = msg.confirm

export interface ConfirmSpec {
  /** The question, e.g. 确定撤回这件事吗？ */
  title: string
  /** What happens, in one or two plain sentences (including that it cannot be undone). */
  what: string
  /** Who will see it. */
  who: string
  /** The confirm button's words, e.g. 确定撤回. */
  ok: string
  /** Shown between the words and the buttons, scrollable (结账: the posting as villagers will see it). */
  preview?: ReactNode
  /** A danger (a finding against a person, withdrawing) is shown in the warning colour. */
  danger?: boolean
}

export const ConfirmDialog = ({ spec, onConfirm, onCancel }: { spec: ConfirmSpec; onConfirm: () => void; onCancel: () => void }) => (
  <View className='mq-confirm'>
    <View className='mq-confirm__backdrop' onClick={onCancel} />
    <View className={`mq-confirm__box ${spec.danger ? 'mq-confirm__box--danger' : ''}`} ariaRole='dialog' ariaLabel={spec.title}>
      <Text className='mq-confirm__title'>{spec.title}</Text>
      <View className='mq-confirm__line mq-confirm__what'>
        <Text className='mq-confirm__label'>{m.what}</Text>
        <Text className='mq-confirm__text'>{spec.what}</Text>
      </View>
      <View className='mq-confirm__line mq-confirm__who'>
        <Text className='mq-confirm__label'>{m.who}</Text>
        <Text className='mq-confirm__text'>{spec.who}</Text>
      </View>
      {spec.preview ? <View className='mq-confirm__preview'>{spec.preview}</View> : null}
      <View className='mq-confirm__buttons'>
        <Button kind='secondary' className='confirm-cancel' onClick={onCancel}>
          {m.cancel}
        </Button>
        <Button className='confirm-ok' onClick={onConfirm}>
          {spec.ok}
        </Button>
      </View>
    </View>
  </View>
)

export interface UseConfirm {
  /** Opens the confirmation; `run` is called only when the person confirms. */
  ask: (spec: ConfirmSpec, run: () => void) => void
  /** Render this once in the screen (null while nothing is asked). */
  dialog: ReactNode
}

export const useConfirm = (): UseConfirm => {
  const [open, setOpen] = useState<{ spec: ConfirmSpec; run: () => void } | null>(null)
  const ask = useCallback((spec: ConfirmSpec, run: () => void) => setOpen({ spec, run }), [])
  const dialog = open ? (
    <ConfirmDialog
      spec={open.spec}
      onCancel={() => setOpen(null)}
      onConfirm={() => {
        setOpen(null)
        open.run()
      }}
    />
  ) : null
  return { ask, dialog }
}
