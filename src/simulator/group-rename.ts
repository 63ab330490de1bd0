/**
 * Renames a group on the server side, as its owner would in QQ: the next group list (and group info)
 * carries the new name. Used by tests that need two groups with the same name (SmartQQ allowed it,
 * and clients had to tell them apart) without depending on what a seed happens to generate.
 */
import type { SimCore } from './core'
import { InvalidInput } from './errors'

export function renameGroup(core: SimCore, number: number, name: string): void {
  const group = core.account.groups.find((g) => g.number === number)
  if (!group) throw new InvalidInput(`no group with number ${number}`)
  if (name.trim() === '') throw new InvalidInput('a group name cannot be empty')
  group.name = name
}
