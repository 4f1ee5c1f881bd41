/**
 * @file Hands control back to the event loop between steps of a long lint or of reading the
 * workspace, so requests are answered and a newer version cancels the run. Node has setImmediate;
 * a web worker does not, and its setTimeout(0) waits 4 ms once nested, so a worker posts itself a
 * message instead (one MessageChannel, as React's scheduler does).
 */

export const yieldNow: () => Promise<void> = typeof setImmediate === 'function' ? () => new Promise((resolve) => setImmediate(resolve)) : messageYield();

function messageYield(): () => Promise<void> {
  if (typeof MessageChannel !== 'function') return () => new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  // Typed as Node's port here; in a worker it is the DOM's, whose onmessage setter also starts it.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(undefined);
    });
}
