/**
 * 长辈版 switch on 我的: one big button that says what it will do, and the state in words.
 * Test selectors: `.elder-switch`, `.elder-state`.
 */
import { Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Section } from '../../components/Section'
import { toast } from '../../components/feedback'
import { msg } from '../../i18n'
import { setElder, useElder } from '../../services/elder'

const m = msg.elder

export const ElderSwitch = () => {
  const on = useElder()
  const flip = () => {
    setElder(!on)
    toast(on ? m.off : m.on)
  }
  return (
    <Section title={m.title} className='elder-panel'>
      <Text className={`mq-line elder-state elder-state--${on ? 'on' : 'off'}`}>{on ? m.on : m.hint}</Text>
      <Button big kind={on ? 'secondary' : 'primary'} className='elder-switch' onClick={flip}>
        {on ? m.switchOff : m.switchOn}
      </Button>
    </Section>
  )
}
