/* global window, document, performance, requestAnimationFrame, setTimeout, PerformanceObserver, MutationObserver, MessageChannel */
// Injected into the page before the app starts (page.addInitScript): observers and helpers the browser bench
// calls as `window.__bench.*`. Plain JavaScript so that it runs as is; every wait takes a deadline (page clock, ms).
(() => {
  const longTasks = [];
  const eventEntries = [];
  const keyInputs = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: longest task figures stay null.
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) eventEntries.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    // No Event Timing API: keystroke → paint falls back to requestAnimationFrame.
  }
  // For keystroke → paint without an Event Timing entry: from the key going down to the end of the frame after its input.
  let keyDownAt = null;
  document.addEventListener('keydown', (event) => (keyDownAt = event.timeStamp), true);
  document.addEventListener(
    'input',
    (event) => {
      // The next frame's requestAnimationFrame callback; style, layout, paint and commit of that frame follow right after
      // it, and a message posted there is handled only once they are done.
      const start = keyDownAt !== null && event.timeStamp - keyDownAt < 1000 ? keyDownAt : event.timeStamp;
      keyDownAt = null;
      const entry = { start, frameAt: null, paintedAt: null };
      keyInputs.push(entry);
      requestAnimationFrame(() => {
        entry.frameAt = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (entry.paintedAt = performance.now());
        channel.port2.postMessage(null);
      });
    },
    true,
  );

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  /** One requestAnimationFrame + setTimeout round trip, in ms. */
  const roundTrip = () =>
    new Promise((resolve) => {
      const start = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    });
  const flow = () => document.querySelector('main.app__canvas .react-flow');
  const graphVersion = () => flow()?.getAttribute('data-graph-version') ?? null;
  const isLaidOut = () => flow()?.getAttribute('data-layout') === 'done';

  /** Polls `test` every frame (and at least every 50 ms) until it holds or the deadline passes; true when it held. */
  async function until(test, deadline) {
    while (performance.now() < deadline) {
      if (test()) return true;
      await Promise.race([frame(), sleep(50)]);
    }
    return test();
  }

  /** Waits for a round trip under `limit` ms; returns the page time it ended, or null at the deadline. */
  async function untilResponsive(deadline, limit = 50) {
    while (performance.now() < deadline) {
      if ((await roundTrip()) < limit) return performance.now();
    }
    return null;
  }

  const hasFileTab = (file) => [...document.querySelectorAll('[role="tab"]')].some((tab) => tab.textContent?.trim().startsWith(file));
  const summaryMatches = (policies) => {
    const text = document.querySelector('[data-testid="document-summary"]')?.textContent ?? '';
    // Only checked while the summary still reads "N policies"; a different wording is not waited for.
    return !/\d+ polic/.test(text) || new RegExp(`(^|\\D)${policies} polic`).test(text.replace(/[,\u202f\u00a0]/g, ''));
  };

  window.__bench = {
    now: () => performance.now(),
    graphVersion,
    hasGraphVersion: () => graphVersion() !== null,
    domNodes: () => document.getElementsByTagName('*').length,
    heapUsed: () => performance.memory?.usedJSHeapSize ?? null,

    /** Longest long task starting in [from, to), or null when the API is missing; 0 when there was none. */
    longestTask(from, to) {
      if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) return null;
      return longTasks.filter((t) => t.start >= from && t.start < to).reduce((max, t) => Math.max(max, t.duration), 0);
    },

    /**
     * Import, in three steps against one deadline: shown (the file's tab, the summary's policy count and, when the
     * canvas has one, a new graph version), laid out (two frames in a row), interactive (a round trip under 50 ms).
     */
    async waitImported({ file, policies, versionBefore, deadline }) {
      const shown = await until(() => hasFileTab(file) && summaryMatches(policies) && (versionBefore === null || graphVersion() !== versionBefore), deadline);
      if (!shown) return { shownAt: null, laidOutAt: null, interactiveAt: null, error: `not shown before the deadline (tab ${hasFileTab(file)}, summary ${summaryMatches(policies)}, graph version ${graphVersion()})` };
      const shownAt = performance.now();
      let laidOutAt = null;
      while (laidOutAt === null && (await until(isLaidOut, deadline))) {
        await frame();
        await frame();
        if (isLaidOut()) laidOutAt = performance.now();
      }
      if (laidOutAt === null) return { shownAt, laidOutAt, interactiveAt: null, error: `layout still ${flow()?.getAttribute('data-layout') ?? 'missing'} at the deadline` };
      const interactiveAt = await untilResponsive(deadline);
      return { shownAt, laidOutAt, interactiveAt, error: interactiveAt === null ? 'main thread never answered within 50 ms before the deadline' : null };
    },

    /** Waits until the app settles: laid out (unless `requireLayout` is false) and a round trip under 50 ms, twice in a row. */
    async settle(deadline, requireLayout = true) {
      const laidOut = () => !requireLayout || isLaidOut();
      while (performance.now() < deadline) {
        if (laidOut() && (await roundTrip()) < 50 && laidOut() && (await roundTrip()) < 50) return true;
        await sleep(50);
      }
      return false;
    },

    /** Puts the YAML editor's selection on [from, to) and focuses it; false when the editor view is not reachable. */
    select(from, to) {
      const content = document.querySelector('.cm-content');
      const view = content?.cmTile?.root?.view ?? content?.cmView?.rootView?.view ?? content?.cmView?.view;
      if (!view) return false;
      view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
      view.focus();
      return true;
    },
    /** The text of the YAML editor between from and to (to check the selection landed where meant). */
    editorText(from, to) {
      const content = document.querySelector('.cm-content');
      const view = content?.cmTile?.root?.view ?? content?.cmView?.rootView?.view ?? content?.cmView?.view;
      return view ? view.state.sliceDoc(from, to) : null;
    },

    /** Starts watching the canvas: the next data-graph-version change, or (without the attribute) any change inside it. */
    watchCanvas() {
      const target = flow();
      const watch = { versionAt: null, mutationAt: null, before: graphVersion() };
      if (target) {
        const observer = new MutationObserver((records) => {
          const now = performance.now();
          for (const r of records) {
            if (r.type === 'attributes' && r.attributeName === 'data-graph-version') {
              if (watch.versionAt === null && graphVersion() !== watch.before) watch.versionAt = now;
            } else if (r.type !== 'attributes' && watch.mutationAt === null) watch.mutationAt = now;
          }
          if (watch.versionAt !== null && watch.mutationAt !== null) observer.disconnect();
        });
        observer.observe(target, { attributes: true, attributeFilter: ['data-graph-version'], subtree: true, childList: true, characterData: true });
        watch.stop = () => observer.disconnect();
      }
      this.watch = watch;
      return watch.before;
    },
    /** Waits for the watched change; returns its page time (the following frame, so that it was painted) or null at the deadline. */
    async waitCanvas(deadline) {
      const watch = this.watch;
      const useVersion = watch.before !== null;
      const ok = await until(() => (useVersion ? watch.versionAt !== null : watch.mutationAt !== null), deadline);
      watch.stop?.();
      if (!ok) return { at: null, byVersion: useVersion };
      await frame();
      return { at: performance.now(), changedAt: useVersion ? watch.versionAt : watch.mutationAt, byVersion: useVersion };
    },

    /** Input events since `from`: Event Timing (≥ 16 ms entries) and the frame-after-input estimate. */
    keystrokePaint(from) {
      const timed = eventEntries.filter((e) => e.start >= from - 1 && ['keydown', 'keypress', 'beforeinput', 'input'].includes(e.name));
      const input = keyInputs.find((k) => k.start >= from - 1);
      return {
        eventTiming: timed.length > 0 ? Math.max(...timed.map((e) => e.duration)) : null,
        inputStart: input?.start ?? null,
        frameAfterInput: input && input.frameAt !== null ? input.frameAt - input.start : null,
        paintedAfterInput: input && input.paintedAt !== null ? input.paintedAt - input.start : null,
      };
    },

    /** Finds a point on the empty pane (no node, no control, no minimap) in viewport pixels, or null. */
    emptyPanePoint() {
      const pane = document.querySelector('main.app__canvas .react-flow__pane');
      if (!pane) return null;
      const box = pane.getBoundingClientRect();
      for (let fy = 0.1; fy < 0.95; fy += 0.05) {
        for (let fx = 0.05; fx < 0.95; fx += 0.05) {
          const x = box.left + box.width * fx;
          const y = box.top + box.height * fy;
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.closest('.react-flow__pane') && !hit.closest('.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__minimap, .react-flow__controls')) return { x, y };
        }
      }
      return null;
    },
    /** Records requestAnimationFrame times until stopFrames(). */
    startFrames() {
      const times = [];
      this.frames = { times, running: true };
      const tick = (t) => {
        times.push(t);
        if (this.frames.running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stopFrames() {
      this.frames.running = false;
      const t = this.frames.times;
      const intervals = t.slice(1).map((v, i) => v - t[i]);
      return { intervals, start: t[0] ?? null, end: t[t.length - 1] ?? null };
    },
  };
})();
