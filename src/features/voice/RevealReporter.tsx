/**
 * Issue 13: the township reveals an anonymous reporter for a fraud check: a reason is required, the
 * action asks first and is logged (the reveal log shows who, when and why).
 * Test selectors: `.reveal-reporter`, `.reveal-reason`, `.reveal-submit`, `.reveal-result`.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Field } from '../../components/Form'
import { ErrorState } from '../../components/State'
import { msg } from '../../i18n'
import { useSubmit } from '../../services/useSubmit'
import { useSession } from '../session/useSession'
import { confirmThen } from './confirm'
import './voice.scss'

const r = msg.voice.reveal

export const RevealReporter = ({ ticketId }: { ticketId: string }) => {
  const { state } = useSession()
  const [reason, setReason] = useState('')
  const [shown, setShown] = useState<string | null>(null)
  const reveal = useSubmit('ticket.revealReporter')
  const me = state.status === 'ready' ? state.data : null
  // The button only for the township (the server decides anyway).
  const township = me && ((me.roles.includes('cadre') && me.duty === 'office') || me.roles.includes('leader') || me.roles.includes('supervisor'))
  if (!township) return null
  if (shown) return <Text className='voice-row__warn reveal-result'>{shown}</Text>
  return (
    <View className='voice-card reveal-reporter'>
      <Field label={r.reasonLabel} value={reason} onInput={setReason} placeholder={r.reasonPlaceholder} className='reveal-reason' />
      <Button
        kind='secondary'
        className='reveal-submit'
        loading={reveal.pending}
        onClick={() =>
          void confirmThen(r.confirm, async () => {
            const out = await reveal.submit({ ticketId, reason })
            if (out) setShown(r.result(out.name, out.householdNumber))
          })
        }
      >
        {r.action}
      </Button>
      {reveal.error ? <ErrorState message={reveal.error.message} code={reveal.error.code} /> : null}
    </View>
  )
}
