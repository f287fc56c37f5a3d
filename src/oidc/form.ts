/**
 * One reducer per widget form: every field of the form in one object, changed by `set`, and
 * restored whole — from a share link, or from a login that came back through a full-page redirect —
 * by one `restore`. Pure (no React): use it with `useReducer(formReducer<MyForm>, defaults)`, or
 * wrap it when a field needs more than a plain assignment.
 */

export type FormAction<F> =
  | { [K in keyof F]: { type: 'set'; field: K; value: F[K] } }[keyof F]
  /** Apply what a share link (or a returned login) held; fields it did not hold keep their value. */
  | { type: 'restore'; values: Partial<F> }
  | { type: 'reset'; values: F };

export function formReducer<F extends object>(state: F, action: FormAction<F>): F {
  switch (action.type) {
    case 'set':
      return Object.is(state[action.field], action.value)
        ? state
        : { ...state, [action.field]: action.value };
    case 'restore': {
      const next = { ...state };
      for (const key of Object.keys(action.values) as (keyof F)[]) {
        const value = action.values[key];
        if (value !== undefined) next[key] = value as F[keyof F];
      }
      return next;
    }
    case 'reset':
      return action.values;
  }
}
