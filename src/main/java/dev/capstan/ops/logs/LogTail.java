package dev.capstan.ops.logs;

/** Follows a log source on the caller's thread until stopped: by Live Tail, or by polling FilterLogEvents. */
public interface LogTail extends Runnable {
    void stop();
}
