package dev.capstan.aws;

/** An AWS call that failed, explained in words a person can act on. */
public class AwsProblem extends RuntimeException {
    public AwsProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
