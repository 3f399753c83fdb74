/**
 * Form pieces in the app's look: a labelled text field, a labelled multi-line field and a row of
 * choices (each at least 44 px). One rule: screens build forms from these, never raw inputs.
 */
import { Input, Text, Textarea, View } from '@tarojs/components'
import './Form.scss'

export const Field = ({ label, value, onInput, placeholder, className, multiline = false, type = 'text', error }: {
  label: string
  value: string
  onInput: (v: string) => void
  placeholder?: string
  className?: string
  multiline?: boolean
  type?: 'text' | 'number' | 'digit'
  /** The message for this field, shown right under it. */
  error?: string | null
}) => (
  <View className={['mq-field', error ? 'mq-field--invalid' : '', className ?? ''].join(' ').trim()}>
    <Text className='mq-field__label'>{label}</Text>
    {multiline ? (
      <Textarea className='mq-field__textarea' value={value} placeholder={placeholder} maxlength={1000} onInput={(e) => onInput(e.detail.value)} />
    ) : (
      <Input className='mq-field__input' type={type} value={value} placeholder={placeholder} onInput={(e) => onInput(e.detail.value)} />
    )}
    <FieldError message={error} />
  </View>
)

export function Choice<T extends string>({ options, value, onChange, className }: {
  options: { value: T; label: string }[]
  value: T | null
  onChange: (v: T) => void
  className?: string
}) {
  return (
    <View className={['mq-choice', className ?? ''].join(' ').trim()}>
      {options.map((o) => (
        <Text key={o.value} className={`mq-choice__item choice-${o.value} ${o.value === value ? 'mq-choice__item--on' : ''}`} onClick={() => onChange(o.value)}>
          {o.label}
        </Text>
      ))}
    </View>
  )
}

/** A field's own message, right under it (what is wrong and what to do). */
export const FieldError = ({ message }: { message: string | null | undefined }) => (message ? <Text className='mq-field__error'>{`⚠ ${message}`}</Text> : null)

export const Line = ({ children, tone, className }: { children: string; tone?: 'muted' | 'good' | 'bad'; className?: string }) => (
  <Text className={['mq-line', tone ? `mq-line--${tone}` : '', className ?? ''].join(' ').trim()}>{children}</Text>
)
