/** Bad input to the simulator's own control surface (admin JSON, in-process calls): a 400, never a crash. */
export class InvalidInput extends Error {
  override name = 'InvalidInput'
}
