/** Vite's `?url` imports: the emitted file's URL (same origin, allowed by the CSP's 'self'). */
declare module '*?url' {
  const url: string;
  export default url;
}
