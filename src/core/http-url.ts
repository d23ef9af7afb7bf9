/** `text` parsed, when it is an absolute http or https URL (the only pages Softbar reads or opens); else undefined. */
export function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a URL is one Softbar may open: http or https, absolute. */
export function isHttpUrl(text: string): boolean {
  return parseHttpUrl(text) !== undefined;
}
