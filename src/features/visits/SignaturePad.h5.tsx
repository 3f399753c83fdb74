/**
 * H5 signature pad: a plain <canvas> drawn with pointer events (finger or mouse), exported as PNG at
 * its CSS size (a few KB, well inside the server's limit). One rule: nothing drawn, nothing sent.
 */
import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import type { SignaturePadProps } from './signature-types'
import './SignaturePad.scss'

export const SignaturePad = ({ onReady }: SignaturePadProps) => {
  const ref = useRef<HTMLCanvasElement | null>(null)
  const drawn = useRef(false)
  useEffect(() => {
    const canvas = ref.current
    if (!canvas) return
    canvas.width = canvas.clientWidth || 320
    canvas.height = canvas.clientHeight || 180
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    ctx.lineWidth = 4
    ctx.lineCap = 'round'
    ctx.strokeStyle = '#111'
    let down = false
    const at = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect()
      return [((e.clientX - r.left) * canvas.width) / r.width, ((e.clientY - r.top) * canvas.height) / r.height] as const
    }
    const start = (e: PointerEvent) => {
      down = true
      const [x, y] = at(e)
      ctx.beginPath()
      ctx.moveTo(x, y)
      e.preventDefault()
    }
    const move = (e: PointerEvent) => {
      if (!down) return
      const [x, y] = at(e)
      ctx.lineTo(x, y)
      ctx.stroke()
      drawn.current = true
      e.preventDefault()
    }
    const end = () => {
      down = false
    }
    canvas.addEventListener('pointerdown', start)
    canvas.addEventListener('pointermove', move)
    window.addEventListener('pointerup', end)
    onReady({
      toPng: async () => (drawn.current ? canvas.toDataURL('image/png').replace(/^data:[^,]*,/, '') : null),
      clear: () => {
        ctx.clearRect(0, 0, canvas.width, canvas.height)
        drawn.current = false
      },
    })
    return () => {
      canvas.removeEventListener('pointerdown', start)
      canvas.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', end)
    }
  }, [onReady])
  return (
    <View className='signature-pad'>
      <canvas ref={ref} className='signature-pad__canvas signature-canvas' />
    </View>
  )
}
