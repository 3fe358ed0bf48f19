/**
 * Runs `callback` once the next frame has been painted: from that frame's requestAnimationFrame, a posted message is
 * handled only after its style, layout, paint and commit. Work that a key starts then waits no longer than it must,
 * and never delays the frame that shows the key.
 */
export function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  });
}
