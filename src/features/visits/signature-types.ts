/** The handwritten signature pad's contract: it hands back a way to export the drawing as PNG base64. */
export interface SignaturePadHandle {
  /** PNG base64 (no data: prefix), or null when nothing was drawn. */
  toPng(): Promise<string | null>
  clear(): void
}

export interface SignaturePadProps {
  onReady: (handle: SignaturePadHandle) => void
}
