/**
 * WeChat signature pad: a 2d <Canvas> drawn with touch events, exported with canvasToTempFilePath
 * and read as base64. One rule: nothing drawn, nothing sent.
 */
import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import type { SignaturePadProps } from './signature-types'
import './SignaturePad.scss'

interface Ctx2d {
  lineWidth: number
  lineCap: string
  strokeStyle: string
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  stroke(): void
  clearRect(x: number, y: number, w: number, h: number): void
}
interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): Ctx2d
}

export const SignaturePad = ({ onReady }: SignaturePadProps) => {
  const node = useRef<CanvasNode | null>(null)
  const ctx = useRef<Ctx2d | null>(null)
  const drawn = useRef(false)
  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select('#signature-canvas')
        .fields({ node: true, size: true })
        .exec((res: { node: CanvasNode; width: number; height: number }[]) => {
          const hit = res[0]
          if (!hit) return
          hit.node.width = hit.width
          hit.node.height = hit.height
          const c = hit.node.getContext('2d')
          c.lineWidth = 4
          c.lineCap = 'round'
          c.strokeStyle = '#111'
          node.current = hit.node
          ctx.current = c
          onReady({
            toPng: async () => {
              if (!drawn.current || !node.current) return null
              const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node.current as never, fileType: 'png' } as never)
              const data = Taro.getFileSystemManager().readFileSync(tempFilePath, 'base64')
              return typeof data === 'string' ? data : null
            },
            clear: () => {
              c.clearRect(0, 0, hit.width, hit.height)
              drawn.current = false
            },
          })
        })
    })
  }, [onReady])
  const point = (e: { touches: { x?: number; y?: number }[] }) => [e.touches[0]?.x ?? 0, e.touches[0]?.y ?? 0] as const
  return (
    <View className='signature-pad'>
      <Canvas
        type='2d'
        id='signature-canvas'
        className='signature-pad__canvas signature-canvas'
        disableScroll
        onTouchStart={(e) => {
          const [x, y] = point(e as never)
          ctx.current?.beginPath()
          ctx.current?.moveTo(x, y)
        }}
        onTouchMove={(e) => {
          const [x, y] = point(e as never)
          ctx.current?.lineTo(x, y)
          ctx.current?.stroke()
          drawn.current = true
        }}
      />
    </View>
  )
}
