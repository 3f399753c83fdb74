/** Declaration shared by SignaturePad.h5.tsx and SignaturePad.weapp.tsx (Taro picks one per build). */
import type { SignaturePadProps } from './signature-types'

export declare const SignaturePad: (props: SignaturePadProps) => JSX.Element
