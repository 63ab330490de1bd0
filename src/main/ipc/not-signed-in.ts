/**
 * A messenger call made while no session is online: answered with the `not-signed-in` failure
 * (failure-reason.ts). Its own module, so the failure classification does not import the handlers
 * (that made dispatcher -> failure-reason -> messenger-handlers -> dispatcher a circle).
 */
export class NotSignedInError extends Error {
  override name = 'NotSignedInError'
  constructor() {
    super('not signed in')
  }
}
