/**
 * The two pure parts of `qrcode` we use in client code (no canvas, no Node): the encoder and the
 * SVG renderer. Importing them directly keeps the weapp bundle free of the package's Node entry.
 */
declare module 'qrcode/lib/core/qrcode' {
  export interface QRData {
    modules: { size: number; data: Uint8Array }
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QRData
}

declare module 'qrcode/lib/renderer/svg-tag' {
  import type { QRData } from 'qrcode/lib/core/qrcode'
  export function render(qr: QRData, options?: { margin?: number; color?: { dark?: string; light?: string } }): string
}
