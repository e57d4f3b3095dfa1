import type { CdkVirtualScrollViewport, VirtualScrollStrategy } from '@angular/cdk/scrolling';
import { Subject, type Observable } from 'rxjs';

/** Estimated height of a row never rendered yet. */
const ESTIMATE = 64;
/** Render this many pixels beyond the visible area on each side. */
const BUFFER_PX = 900;
/** Within this distance of the bottom the list counts as "at the bottom" and sticks to it. */
export const BOTTOM_SLACK_PX = 48;

/**
 * A CDK virtual scroll strategy for chat: rows of different heights (measured once rendered,
 * remembered by row key), a list that sticks to the bottom while you are there, and a stable
 * view when rows are added above (paging back) or change height (edits, reactions, images).
 */
export class ChatScrollStrategy implements VirtualScrollStrategy {
  private readonly indexChange = new Subject<number>();
  readonly scrolledIndexChange: Observable<number> = this.indexChange.asObservable();

  private viewport: CdkVirtualScrollViewport | null = null;
  private keys: string[] = [];
  private readonly heights = new Map<string, number>();
  private offsets: number[] = [0];
  private atBottom = true;
  /** the first visible row and how far the view is scrolled into it */
  private anchor: { key: string; delta: number } | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private adjusting = false;

  /** Called with `true`/`false` when the bottom comes into or leaves view. */
  onBottomChange: (atBottom: boolean) => void = () => undefined;
  /** Called when the view nears the top (to page back). */
  onNearTop: () => void = () => undefined;

  constructor(private readonly keysOf: () => string[]) {}

  attach(viewport: CdkVirtualScrollViewport): void {
    this.viewport = viewport;
    this.keys = this.keysOf();
    this.layout();
    this.scrollToBottom();
    if (typeof ResizeObserver !== 'undefined') {
      const wrapper = viewport.getElementRef().nativeElement.querySelector('.cdk-virtual-scroll-content-wrapper');
      const host = viewport.getElementRef().nativeElement;
      this.resizeObserver = new ResizeObserver((entries) => {
        // the viewport itself changed size (banner, panel, keyboard): re-measure it, keep the bottom
        if (entries.some((e) => e.target === host)) viewport.checkViewportSize();
        this.measure();
      });
      this.resizeObserver.observe(host);
      if (wrapper) this.resizeObserver.observe(wrapper);
    }
  }

  detach(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.viewport = null;
  }

  isAtBottom(): boolean {
    return this.atBottom;
  }

  onContentScrolled(): void {
    if (!this.viewport) return;
    if (!this.adjusting) this.recordPosition();
    this.updateRange();
    if (this.viewport.measureScrollOffset('top') < BUFFER_PX) this.onNearTop();
  }

  onDataLengthChanged(): void {
    this.keys = this.keysOf();
    this.layout();
    this.restorePosition();
    this.updateRange();
  }

  /** The rows changed without changing their number (e.g. pending → stored). */
  refresh(): void {
    this.onDataLengthChanged();
  }

  onContentRendered(): void {
    this.measure();
  }

  onRenderedOffsetChanged(): void {
    /* offsets are ours */
  }

  scrollToIndex(index: number, behavior: ScrollBehavior): void {
    if (!this.viewport) return;
    const top = this.offsets[Math.max(0, Math.min(index, this.keys.length))] ?? 0;
    this.viewport.scrollToOffset(Math.max(0, top - 8), behavior);
  }

  /** Scrolls to the row with this key, placing it near the top (e.g. the new-messages divider). */
  scrollToKey(key: string): boolean {
    const i = this.keys.indexOf(key);
    if (i < 0) return false;
    this.atBottom = false;
    this.scrollToIndex(i, 'auto');
    this.recordPosition();
    return true;
  }

  scrollToBottom(behavior: ScrollBehavior = 'auto'): void {
    if (!this.viewport) return;
    this.atBottom = true;
    this.anchor = null;
    this.setSpacer();
    this.viewport.scrollToOffset(this.total(), behavior);
    this.updateRange();
    this.onBottomChange(true);
  }

  // ---- internals ----

  private total(): number {
    return this.offsets[this.offsets.length - 1] ?? 0;
  }

  private layout(): void {
    const offsets = new Array<number>(this.keys.length + 1);
    offsets[0] = 0;
    for (let i = 0; i < this.keys.length; i++) offsets[i + 1] = offsets[i] + (this.heights.get(this.keys[i]) ?? ESTIMATE);
    this.offsets = offsets;
    this.setSpacer();
  }

  /** Sets the scrollable height now (the viewport applies it on its next change detection too). */
  private setSpacer(): void {
    if (!this.viewport) return;
    const total = this.total();
    this.viewport.setTotalContentSize(total);
    const spacer = this.viewport.getElementRef().nativeElement.querySelector<HTMLElement>('.cdk-virtual-scroll-spacer');
    if (spacer) spacer.style.height = `${total}px`;
  }

  private indexAt(offset: number): number {
    // first row whose bottom is below `offset`
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.offsets[mid + 1] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, this.keys.length - 1));
  }

  private updateRange(): void {
    const v = this.viewport;
    if (!v) return;
    const n = this.keys.length;
    if (n === 0) {
      v.setRenderedRange({ start: 0, end: 0 });
      v.setRenderedContentOffset(0);
      return;
    }
    const top = v.measureScrollOffset('top');
    const size = v.getViewportSize() || 600;
    const start = this.indexAt(Math.max(0, top - BUFFER_PX));
    const end = Math.min(n, this.indexAt(top + size + BUFFER_PX) + 1);
    v.setRenderedRange({ start, end });
    v.setRenderedContentOffset(this.offsets[start]);
    this.indexChange.next(this.indexAt(top));
  }

  private recordPosition(): void {
    const v = this.viewport;
    if (!v) return;
    const top = v.measureScrollOffset('top');
    const size = v.getViewportSize();
    const wasAtBottom = this.atBottom;
    this.atBottom = this.total() - (top + size) <= BOTTOM_SLACK_PX;
    if (wasAtBottom !== this.atBottom) this.onBottomChange(this.atBottom);
    if (this.keys.length === 0) {
      this.anchor = null;
      return;
    }
    const i = this.indexAt(top);
    this.anchor = { key: this.keys[i], delta: top - this.offsets[i] };
  }

  /** Keeps the bottom in view, or the anchor row where it was, after the layout changed. */
  private restorePosition(): void {
    const v = this.viewport;
    if (!v) return;
    let target: number | null = null;
    if (this.atBottom) target = Math.max(0, this.total() - v.getViewportSize());
    else if (this.anchor) {
      const i = this.keys.indexOf(this.anchor.key);
      if (i >= 0) target = this.offsets[i] + this.anchor.delta;
    }
    if (target === null || Math.abs(v.measureScrollOffset('top') - target) < 1) return;
    this.adjusting = true;
    v.scrollToOffset(target);
    this.adjusting = false;
  }

  /** Measures the rendered rows; when heights differ from what we assumed, lays out again. */
  private measure(): void {
    const v = this.viewport;
    if (!v) return;
    const rows = v.getElementRef().nativeElement.querySelectorAll<HTMLElement>('.cdk-virtual-scroll-content-wrapper > [data-row-key]');
    let changed = false;
    rows.forEach((el) => {
      const key = el.dataset['rowKey'];
      if (!key) return;
      const h = el.getBoundingClientRect().height;
      if (h > 0 && Math.abs((this.heights.get(key) ?? -1) - h) > 0.5) {
        this.heights.set(key, h);
        changed = true;
      }
    });
    if (!changed) return;
    this.layout();
    this.restorePosition();
    this.updateRange();
  }
}
