/**
 * A QR code as an SVG image (qrcode's pure encoder and SVG renderer: no canvas, same in weapp and H5).
 * One rule: the encoded text is also given as the image's accessible label's context by the caller.
 */
import { Image } from '@tarojs/components'
import { create } from 'qrcode/lib/core/qrcode'
import { render } from 'qrcode/lib/renderer/svg-tag'
import './QrCode.scss'

export const qrSvgDataUri = (text: string): string =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(render(create(text, { errorCorrectionLevel: 'M' }), { margin: 2 }))}`

export const QrCode = ({ text, label, className }: { text: string; label: string; className?: string }) => (
  <Image className={['mq-qr', className ?? ''].join(' ').trim()} src={qrSvgDataUri(text)} ariaLabel={label} mode='aspectFit' />
)
