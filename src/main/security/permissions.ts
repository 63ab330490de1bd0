/**
 * The renderer needs no camera, microphone, geolocation, notifications API or anything else a
 * web page can request: every permission request and check is denied (checklist #5).
 */
export interface SessionLike {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void
}

export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
