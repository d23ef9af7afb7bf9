import type { Logger } from '../background/hub';

/** A console log for a host page, prefixed with which page it is (the worker's log is elsewhere). */
export function pageLog(page: string): Logger {
  return (level, message, detail) => {
    const line = `[softbar ${page}] ${message}`;
    if (level === 'error') console.error(line, detail ?? '');
    else if (level === 'warn') console.warn(line, detail ?? '');
    else if (level === 'info') console.info(line, detail ?? '');
    else console.debug(line, detail ?? '');
  };
}
