/**
 * jsdom lays nothing out, so a virtualized list renders no rows: elements of `className` report
 * a `width`×`height` viewport (every other element stays 0×0, as jsdom has it).
 */
export function giveViewport(className: string, width = 280, height = 600): void {
  for (const [prop, size] of [['clientHeight', height], ['clientWidth', width]] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains(className) ? size : 0;
      },
    });
  }
}
