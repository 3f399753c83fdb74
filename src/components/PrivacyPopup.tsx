/**
 * Our 隐私保护指引 popup: shown when WeChat holds a privacy API until the person agrees (see
 * services/privacy-gate.ts). It says what is collected and why, links to the guide declared in the
 * admin console, and offers 不同意 and 同意; 同意 is WeChat's own agree button
 * (open-type="agreePrivacyAuthorization"), so the consent is the person's tap, never ours.
 * One rule: every page that uses location, camera, album, microphone or phone number mounts one.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { msg } from '../i18n'
import { privacyGate } from '../services/privacy-gate'
import { openPrivacyGuide } from '../services/privacy'
import './PrivacyPopup.scss'

const m = msg.privacy
const AGREE_ID = 'mq-privacy-agree'

export const PrivacyPopup = () => {
  const [open, setOpen] = useState(false)
  useEffect(() => privacyGate.mount(setOpen), [])
  if (!open) return null
  const disagree = () => {
    privacyGate.disagree()
    void Taro.showToast({ title: m.disagreed, icon: 'none', duration: 3000 })
  }
  return (
    <View className='mq-privacy' catchMove>
      <View className='mq-privacy__card' ariaRole='dialog' ariaLabel={m.title}>
        <Text className='mq-privacy__title'>{m.title}</Text>
        <Text className='mq-privacy__body'>{m.body}</Text>
        <Text className='mq-privacy__link' onClick={openPrivacyGuide}>
          {m.readGuide}
        </Text>
        <View className='mq-privacy__buttons'>
          <Button className='mq-privacy__button mq-privacy__button--no' onClick={disagree}>
            {m.disagree}
          </Button>
          <Button
            id={AGREE_ID}
            className='mq-privacy__button mq-privacy__button--yes'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => privacyGate.agree(AGREE_ID)}
          >
            {m.agree}
          </Button>
        </View>
      </View>
    </View>
  )
}
