/** A plain list of label/value rows (wraps taro-ui AtList and AtListItem). */
import AtList from 'taro-ui/lib/components/list'
import AtListItem from 'taro-ui/lib/components/list/item'
import 'taro-ui/lib/style/components/list.scss'
import './List.scss'

export interface ListRow {
  key: string
  title: string
  value?: string
  note?: string
}

export const List = ({ rows, className }: { rows: ListRow[]; className?: string }) => (
  <AtList className={['mq-list', className ?? ''].join(' ').trim()}>
    {rows.map((row) => (
      <AtListItem key={row.key} className={`mq-list__row mq-list__row--${row.key}`} title={row.title} note={row.note} extraText={row.value} />
    ))}
  </AtList>
)
