import { Injectable } from '@nestjs/common';

/** Lets the outbox tell this node's worker "a mail is due now" without either importing the other. */
@Injectable()
export class OutboxWakeup {
  private listener: (() => void) | null = null;

  onWake(fn: () => void): void {
    this.listener = fn;
  }

  wake(): void {
    this.listener?.();
  }
}
