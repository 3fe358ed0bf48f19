// Vitest setup: under jsdom (a `// @vitest-environment jsdom` test), stub the browser APIs React Flow
// measures with (see reactflow.dev, "Testing"); in the default node environment it does nothing.
if (typeof window !== 'undefined') {
  class ResizeObserverStub {
    private readonly callback: ResizeObserverCallback;

    constructor(callback: ResizeObserverCallback) {
      this.callback = callback;
    }

    observe(target: Element): void {
      this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }

    unobserve(): void {}

    disconnect(): void {}
  }

  class DOMMatrixReadOnlyStub {
    readonly m22: number;

    constructor(transform?: string) {
      const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
      this.m22 = scale === undefined ? 1 : Number(scale);
    }
  }

  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: {
      get(this: HTMLElement) {
        return parseFloat(this.style.height) || 1;
      },
    },
    offsetWidth: {
      get(this: HTMLElement) {
        return parseFloat(this.style.width) || 1;
      },
    },
  });

  // jsdom has no scrolling: scrollTo moves scrollTop and fires `scroll` (virtualised lists follow it); scrollIntoView does nothing.
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
  Element.prototype.scrollIntoView = function scrollIntoView() {};

  globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
  globalThis.DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub as unknown as typeof DOMMatrixReadOnly;
}
