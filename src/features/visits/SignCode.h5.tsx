/**
 * H5 sign-off code: a QR code (the `qrcode` package) of the sign-off page's address, for the
 * household member to scan with their own phone; the address is shown too. One rule: the code
 * carries only the visit id; who may sign is decided by the server.
 */
import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import QRCode from 'qrcode'
import { ROUTES } from '../../components/routes'
import { msg } from '../../i18n'
import './SignCode.scss'

export const signUrl = (visitId: string): string => `${window.location.origin}/#${ROUTES.sign}?visit=${encodeURIComponent(visitId)}`

export const SignCode = ({ visitId }: { visitId: string; householdNumber: string }) => {
  const [src, setSrc] = useState<string | null>(null)
  const url = signUrl(visitId)
  useEffect(() => {
    QRCode.toDataURL(url, { width: 480, margin: 1 }).then(setSrc, () => setSrc(null))
  }, [url])
  return (
    <View className='sign-code'>
      <Text className='mq-line'>{msg.verdict.visit.askSign}</Text>
      {src ? <Image className='sign-code__image' src={src} mode='aspectFit' /> : null}
      <Text className='sign-code__url' userSelect>{url}</Text>
    </View>
  )
}
