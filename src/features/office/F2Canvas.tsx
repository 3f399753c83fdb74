/**
 * Our own small wrapper around AntV F2 (@antv/f2 5.x) for Taro, in both targets: it renders a Taro
 * `<Canvas type='2d'>`, finds its node with a selector query once mounted, sizes it for the screen's
 * pixel ratio and hands its 2D context to an F2 Canvas. One rule: only office-subpackage code imports
 * this file (F2 is ~300 KB and must stay out of the weapp main package).
 */
import { useEffect, useMemo, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import { Canvas as Chart2D, type CanvasProps, type JSX as F2JSX } from '@antv/f2'

/** The canvas node a selector query returns: weapp's Canvas 2D node, or H5's HTMLCanvasElement. */
interface CanvasNode {
  width: number
  height: number
  clientWidth?: number
  parentElement?: { componentOnReady?: () => Promise<unknown> } | null
  getContext(type: '2d'): CanvasRenderingContext2D
  requestAnimationFrame?: (cb: (t: number) => void) => number
  cancelAnimationFrame?: (id: number) => void
  createImage?: () => HTMLImageElement
}

interface Found {
  node?: CanvasNode | null
  width?: number
}

/**
 * F2 sizes given as '24px' are 750-wide design px, like our stylesheets; its default converts them with
 * the page's root font size, which Taro H5 sets for rem (tiny text) and weapp does not have. Halve instead.
 */
const px2hd = (designPx: number): number => designPx / 2

const isWeapp = process.env.TARO_ENV === 'weapp'
let nextId = 0

const pixelRatio = (): number => {
  try {
    return Taro.getWindowInfo().pixelRatio || 1
  } catch {
    return Taro.getSystemInfoSync().pixelRatio || 1
  }
}

/** The options only a mini-program needs: it has no window.requestAnimationFrame and no DOM canvas to measure text with. */
const weappOptions = (node: CanvasNode) =>
  isWeapp
    ? {
        requestAnimationFrame: node.requestAnimationFrame?.bind(node),
        cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
        createImage: node.createImage?.bind(node),
        // weapp's OffscreenCanvas has getContext('2d'), all g-lite uses it for (text measuring)
        offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }) as unknown as CanvasProps['offscreenCanvas'],
      }
    : {}

/**
 * Draws `chart()` (F2 elements built with F2's own `jsx` function) on a canvas `height` px high and
 * as wide as its container; draws again when `drawKey` changes (the data). `className` marks the canvas.
 */
export const F2Canvas = ({ chart, drawKey, height, className }: { chart: () => F2JSX.Element; drawKey: string; height: number; className?: string }) => {
  const id = useMemo(() => `mq-f2-${++nextId}`, [])
  const latest = useRef(chart)
  latest.current = chart
  const style = useMemo(() => ({ width: '100%', height: `${height}px`, display: 'block' }), [height])

  useEffect(() => {
    let drawn: Chart2D | null = null
    let cancelled = false
    let tries = 0
    const retry = () => {
      if (!cancelled && ++tries < 40) setTimeout(attach, 50)
    }
    const draw = async (found: Found) => {
      const node = found.node
      if (!node) return retry()
      // H5: Taro's <taro-canvas-core> resets its inner canvas size once it has rendered; wait for that.
      await node.parentElement?.componentOnReady?.()
      const width = found.width || node.clientWidth || 0
      if (cancelled) return
      if (width <= 0) return retry()
      const ratio = pixelRatio()
      node.width = Math.round(width * ratio)
      node.height = Math.round(height * ratio)
      const context = node.getContext('2d')
      drawn = new Chart2D({ context, pixelRatio: ratio, width, height, px2hd, animate: false, children: latest.current(), ...weappOptions(node) })
      await drawn.render()
    }
    const attach = () => {
      if (cancelled) return
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Found[] | null) => {
          if (cancelled) return
          draw(res?.[0] ?? {}).catch((e: unknown) => console.error('chart', e))
        })
    }
    Taro.nextTick(attach)
    return () => {
      cancelled = true
      drawn?.destroy()
    }
  }, [id, drawKey, height])

  return <Canvas type='2d' id={id} className={className} style={style} />
}
