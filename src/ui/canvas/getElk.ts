import ELK from 'elkjs/lib/elk-api.js';

let elk: InstanceType<typeof ELK> | undefined;

/** The one ELK instance of the page; it lays graphs out in a Web Worker, off the main thread. */
export function getElk(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerFactory: () => new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)) });
  return elk;
}
