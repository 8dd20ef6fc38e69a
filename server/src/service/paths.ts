/** How the host turns its file paths into document URIs and back (node's url module in the node host). */
export interface Paths {
  toUri(path: string): string;
  /** The path of a `file:` URI; undefined for any other scheme (an untitled document). */
  toPath(uri: string): string | undefined;
}

/** `file://` URIs for `/`-separated paths, percent-encoded as node's pathToFileURL does for them. */
export const defaultPaths: Paths = {
  toUri: (path) =>
    `file://${path
      .split('/')
      .map((part) => encodeURIComponent(part).replace(/%3A/gi, ':'))
      .join('/')}`,
  toPath(uri) {
    if (!uri.startsWith('file://')) return undefined;
    try {
      return decodeURIComponent(uri.slice('file://'.length));
    } catch {
      return undefined;
    }
  },
};
