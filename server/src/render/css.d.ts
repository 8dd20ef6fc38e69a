// Stylesheets are bundled as text by esbuild (loader `.css: text`).
declare module '*.css' {
  const text: string;
  export default text;
}
