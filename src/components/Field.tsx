/**
 * Labelled text entry (Taro Input / Textarea, no taro-ui), big enough to tap, for the office forms.
 * One rule: the label is visible text, never only a placeholder.
 */
import { Input, Text, Textarea, View } from '@tarojs/components'
import './Field.scss'

export interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  multiline?: boolean
  className?: string
  maxlength?: number
  /** The keyboard: 'number' for a phone number or a code. */
  type?: 'text' | 'number'
  placeholder?: string
}

export const Field = ({ label, value, onChange, multiline, className, maxlength = 500, type = 'text', placeholder }: FieldProps) => (
  <View className={['mq-field', className ?? ''].join(' ').trim()}>
    <Text className='mq-field__label'>{label}</Text>
    {multiline ? (
      <Textarea className='mq-field__input mq-field__input--multi' value={value} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />
    ) : (
      <Input className='mq-field__input' type={type} placeholder={placeholder} value={value} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />
    )}
  </View>
)

/** A row of choices (one selected), each a big tappable chip with its state in words and style. */
export const Choice = <T extends string>({ label, options, value, onChange, className }: { label: string; options: { value: T; label: string }[]; value: T; onChange: (v: T) => void; className?: string }) => (
  <View className={['mq-field', className ?? ''].join(' ').trim()}>
    <Text className='mq-field__label'>{label}</Text>
    <View className='mq-choice'>
      {options.map((o) => (
        <View
          key={o.value}
          className={`mq-choice__item mq-choice__item--${o.value} ${o.value === value ? 'mq-choice__item--on' : ''}`}
          ariaRole='radio'
          ariaLabel={o.value === value ? `✓ ${o.label}` : o.label}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.value === value ? `✓ ${o.label}` : o.label}</Text>
        </View>
      ))}
    </View>
  </View>
)
