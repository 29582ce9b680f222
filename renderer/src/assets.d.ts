/** Vite's `?url` imports: the emitted file's URL (same origin, allowed by the CSP's 'self'). */
declare module '*?url' {
  const url: string;
  export default url;
}

/** A component's own stylesheet, imported for its side effect (Vite bundles it). */
declare module '*.css';
