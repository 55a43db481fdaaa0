import type { da } from "./da";

/** The shape of da.ts with every text widened to string: what each language must provide. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Translations = Widen<typeof da>;
