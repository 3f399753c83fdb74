/**
 * When a member's roster phone is missing or wrong: the village secretary or the office (never the
 * household's cadre) picks the member and shows a one-time, expiring code; the member scans it and
 * is bound. WeChat: a 小程序码 made by the server (trial builds open it too); H5: a QR code of the
 * bind page's address with the token. Test selectors: `.invite-panel`, `.invite-<personId>`, `.invite-qr`.
 */
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { formatDay } from '../../components/format'
import { QrCode } from '../../components/QrCode'
import { ErrorState, Loadable } from '../../components/State'
import { Section } from '../../components/Section'
import type { InvitationView } from '../../contracts'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'
import { currentEnvVersion } from '../../services/env-version'
import './binding.scss'

const m = msg.office.ui.binding


/** What the QR code holds: the page address (H5: absolute URL with the hash route). */
const inviteUrl = (path: string): string =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? `${window.location.origin}/#${path}` : path

export const InvitePanel = ({ householdId }: { householdId: string }) => {
  const { state, reload } = useCall('binding.members', { householdId })
  const invite = useSubmit('binding.invite')
  const [shown, setShown] = useState<InvitationView | null>(null)
  const make = async (personId: string) => {
    const weapp = process.env.TARO_ENV === 'weapp'
    const out = await invite.submit(weapp ? { personId, wxacode: true, envVersion: currentEnvVersion() } : { personId })
    if (out) setShown(out)
  }
  return (
    <Loadable state={state} onRetry={reload}>
      {(data) => (
        <Section title={m.inviteTitle(data.householdNumber, data.headName)} className='invite-panel'>
          <Text className='binding-note'>{m.inviteHint}</Text>
          <View className='binding-members'>
            {data.members.map((p) => (
              <Button key={p.id} kind={p.bound ? 'secondary' : 'primary'} className={`invite-${p.id}`} loading={invite.pending} onClick={() => void make(p.id)}>
                {`${m.member(p.name, p.bound)} · ${m.invite(p.name)}`}
              </Button>
            ))}
          </View>
          {invite.error ? <ErrorState message={invite.error.message} code={invite.error.code} /> : null}
          {shown ? (
            <View className='invite-qr'>
              {shown.imageBase64 ? (
                <Image className='invite-wxacode' src={`data:image/png;base64,${shown.imageBase64}`} ariaLabel={m.qrAlt(shown.personName)} mode='aspectFit' />
              ) : (
                <QrCode text={inviteUrl(shown.path)} label={m.qrAlt(shown.personName)} />
              )}
              <Text className='binding-note'>{m.expires(formatDay(shown.expiresAt))}</Text>
            </View>
          ) : null}
        </Section>
      )}
    </Loadable>
  )
}
