/** The shape of a locale section with every string widened, so the English text is checked against zh-TW's keys. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
