/**
 * A date picked, never typed (Taro Picker mode=date: the wheel in WeChat and in H5), labelled, with
 * its message right under it when something is wrong. `start` keeps earlier dates out of the wheel.
 * Selectors: `.mq-date`, `.mq-date__value`, `.mq-field__error`.
 */
import { Picker, Text, View } from '@tarojs/components'
import { msg } from '../i18n'
import { FieldError } from './Form'

export const DateField = ({ label, value, onChange, start, error, className }: {
  label: string
  value: string
  onChange: (v: string) => void
  start?: string
  error?: string | null
  className?: string
}) => (
  <View className={['mq-field', 'mq-date', error ? 'mq-field--invalid' : '', className ?? ''].join(' ').trim()}>
    <Text className='mq-field__label'>{label}</Text>
    <Picker mode='date' value={value || start || ''} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`mq-field__input mq-date__value ${value ? '' : 'mq-date__value--empty'}`}>
        <Text>{value || msg.field.dates.pick}</Text>
      </View>
    </Picker>
    <FieldError message={error} />
  </View>
)
