/**
 * DOM project setup: jest-dom matchers, and the few layout facts jsdom does not compute. The case
 * list is virtualised with @tanstack/react-virtual, which reads the scroll element's clientHeight to
 * decide how many rows to render; jsdom reports 0 for every element, so without this no row would
 * ever be rendered. A fixed viewport of 800×600 px makes the virtualiser render the first rows.
 */
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// waitFor/findBy* give up after this long (Testing Library's default is 1 s). A screen that appears
// in 200 ms on an idle machine can take seconds while other work keeps both cores busy; the wait
// ends as soon as the screen is there, so only a real failure pays the full time. It stays below
// the project's test timeout (build/vitest.config.mts), so a failure reports what was missing.
configure({ asyncUtilTimeout: 15_000 });

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
// jsdom has no scrolling: scrollTop always reads 0 and no scroll event fires. Keep the value and
// fire the event, so scrolling the virtual list (keyboard End, scrollToIndex) loads later pages.
const scrollTops = new WeakMap<Element, number>();
Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
  configurable: true,
  get(this: HTMLElement) { return scrollTops.get(this) ?? 0; },
  set(this: HTMLElement, v: number) {
    scrollTops.set(this, Math.max(0, v));
    this.dispatchEvent(new Event('scroll'));
  },
});
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
  const top = typeof options === 'number' ? y : options?.top;
  if (typeof top === 'number') (this as HTMLElement).scrollTop = top;
} as Element['scrollTo'];
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
