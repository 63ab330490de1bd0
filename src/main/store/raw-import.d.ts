/** Vite's `?raw` import (a file's text as a string), for the main-process build (vite/client types are renderer-only). */
declare module '*?raw' {
  const src: string
  export default src
}
