/** 1-5 stars as five big tap targets (60 px and up), with the number in words for screen readers. */
import { Text, View } from '@tarojs/components'
import './Stars.scss'

export const Stars = ({ value, onChange, label, className }: { value: number; onChange: (n: number) => void; label: string; className?: string }) => (
  <View className={['mq-stars', className ?? ''].join(' ').trim()}>
    <Text className='mq-stars__label'>{label}</Text>
    <View className='mq-stars__row'>
      {[1, 2, 3, 4, 5].map((n) => (
        <Text
          key={n}
          className={`mq-stars__star mq-stars__star--${n} ${n <= value ? 'mq-stars__star--on' : ''}`}
          onClick={() => onChange(n)}
          aria-label={`${n}`}
        >
          {n <= value ? '★' : '☆'}
        </Text>
      ))}
      <Text className='mq-stars__value'>{value ? `${value}` : ''}</Text>
    </View>
  </View>
)
