package dev.capstan.ops.publish;

/**
 * How many copies may be in flight, adapted to what S3 says (additive increase, multiplicative decrease, as TCP does):
 * a copy S3 refused with SlowDown or a 503 halves the window, once per round of copies (copies already under way when it
 * was halved do not halve it again); a full window's worth of copies that passed widens it by one, up to where it began.
 */
final class CopyWindow {
    private final int most;
    private int size;
    private int inFlight;
    private int passedSinceChange;
    /** Counts the halvings: a copy that entered before the last one does not halve the window again. */
    private long round;

    CopyWindow(int most) {
        this.most = Math.max(1, most);
        this.size = this.most;
    }

    /** Waits for room in the window; the returned round is handed back to {@link #slowedDown}. */
    synchronized long enter() throws InterruptedException {
        while (inFlight >= size) {
            wait();
        }
        inFlight++;
        return round;
    }

    synchronized void passed() {
        inFlight--;
        if (++passedSinceChange >= size && size < most) {
            size++;
            passedSinceChange = 0;
        }
        notifyAll();
    }

    /** A copy S3 asked to slow down: the window halves, unless it already has since that copy entered. @return whether it halved */
    synchronized boolean slowedDown(long enteredInRound) {
        inFlight--;
        boolean halves = enteredInRound == round && size > 1;
        if (halves) {
            size = Math.max(1, size / 2);
            round++;
            passedSinceChange = 0;
        }
        notifyAll();
        return halves;
    }

    /** A copy that failed for another reason: it leaves the window as it was. */
    synchronized void left() {
        inFlight--;
        notifyAll();
    }

    synchronized int size() {
        return size;
    }
}
