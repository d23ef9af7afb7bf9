import { useEffect, useState } from 'preact/hooks';

const inFront = (doc: Document) => doc.visibilityState === 'visible';

/**
 * Whether the tab has been in front since the caller mounted: false in a background tab until the agent
 * switches to it, then true for good (hiding the tab again does not take back what was loaded).
 */
export function useTabSeen(doc: Document = document): boolean {
  const [seen, setSeen] = useState(() => inFront(doc));
  useEffect(() => {
    if (seen) return;
    const look = () => {
      if (inFront(doc)) setSeen(true);
    };
    doc.addEventListener('visibilitychange', look);
    // The tab may have come to the front between the render and this effect.
    look();
    return () => doc.removeEventListener('visibilitychange', look);
  }, [doc, seen]);
  return seen;
}
