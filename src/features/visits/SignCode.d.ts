/** Declaration shared by SignCode.h5.tsx and SignCode.weapp.tsx (Taro picks one per build). */
export declare const SignCode: (props: { visitId: string; householdNumber: string }) => JSX.Element
