/**
 * The value a `<select>` change event picked, when it is one of `choices`; undefined otherwise. Settings
 * take only values they know, whatever the element's options were made to say.
 */
export function selectChoice<T extends string>(event: Event, choices: readonly T[]): T | undefined {
  const value = (event.target as HTMLSelectElement).value
  return choices.find((c) => c === value)
}
