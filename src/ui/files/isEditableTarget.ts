const TAKES_TEXT = [
  'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"], [type="file"], [type="range"], [type="color"])',
  'textarea',
  'select',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '.cm-editor',
].join(', ');

/** Whether an event target takes text itself (a text field, the code editor), so the app's shortcuts keep out of it. */
export function isEditableTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TAKES_TEXT) !== null;
}
