/**
 * 语言 switch on 我的 (issue 13 item 5): one big button per language, each named in its own script;
 * the choice is remembered on the phone and the app reopens on 我的 so every screen reads it.
 * Test selectors: `.locale-switch`, `.locale-<code>`, `.locale-state`.
 */
import { useEffect } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '../../components/Button'
import { Section } from '../../components/Section'
import { msg } from '../../i18n'
import { LOCALES, setLocale, useLocale, type Locale } from '../../services/locale'
import { loadMongolianFont } from '../../services/mongolian-font'

const m = msg.locale

export const LocaleSwitch = () => {
  const current = useLocale()
  // The Mongolian button names the language in its own script: a phone without a Mongolian face
  // would show empty boxes where a Mongolian reader looks for it, so the app's face is loaded here
  // too, not only once Mongolian is chosen.
  useEffect(() => {
    if (current !== 'mn-Mong') void loadMongolianFont()
  }, [current])
  const choose = (locale: Locale) => {
    if (locale === current) return
    setLocale(locale)
    // Module-level texts, tab bar titles and open pages render again in the new language.
    if (process.env.TARO_ENV === 'weapp') void Taro.reLaunch({ url: '/pages/me/index' })
    else if (typeof window !== 'undefined') window.location.reload()
  }
  return (
    <Section title={m.title} className='locale-panel'>
      <Text className='mq-line locale-state'>{m.names[current]}</Text>
      {current === 'mn-Mong' ? <Text className='mq-line locale-review'>{m.review}</Text> : <Text className='mq-line'>{m.hint}</Text>}
      {LOCALES.filter((l) => l !== current).map((l) => (
        <Button key={l} big kind='secondary' className={`locale-switch locale-${l}`} onClick={() => choose(l)}>
          {m.switchTo(m.names[l])}
        </Button>
      ))}
    </Section>
  )
}
