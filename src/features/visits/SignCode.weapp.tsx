/**
 * WeChat sign-off code: a mini-program code the backend gets from WeChat (visit.signCode with
 * wxacode), and a share card to the household's chat. One rule: the code carries only the visit id.
 */
import { Image, Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { Button } from '../../components/Button'
import { Loadable } from '../../components/State'
import { ROUTES } from '../../components/routes'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import { currentEnvVersion } from '../../services/env-version'
import './SignCode.scss'

export const SignCode = ({ visitId, householdNumber }: { visitId: string; householdNumber: string }) => {
  // The code opens this build (a trial build's code opens the trial build).
  const code = useCall('visit.signCode', { visitId, wxacode: true, envVersion: currentEnvVersion() })
  useShareAppMessage(() => ({ title: msg.verdict.fmt.shareTitle(msg.verdict.sign.title, householdNumber), path: `${ROUTES.sign}?visit=${encodeURIComponent(visitId)}` }))
  return (
    <View className='sign-code'>
      <Text className='mq-line'>{msg.verdict.visit.askSign}</Text>
      <Loadable state={code.state} onRetry={code.reload}>
        {(c) => (c.imageBase64 ? <Image className='sign-code__image' src={`data:image/png;base64,${c.imageBase64}`} mode='aspectFit' /> : <View />)}
      </Loadable>
      <Button kind='secondary' className='share-button' openType='share'>
        {msg.verdict.visit.share}
      </Button>
    </View>
  )
}
