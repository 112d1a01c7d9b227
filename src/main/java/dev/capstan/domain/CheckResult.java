package dev.capstan.domain;

/** One field of an environment checked against the world: what was looked at and what was found. */
public record CheckResult(String field, String value, Status status, String detail) {
    public enum Status { OK, FAILED, NOT_SET }

    public static CheckResult ok(String field, String value, String detail) {
        return new CheckResult(field, value, Status.OK, detail);
    }

    public static CheckResult failed(String field, String value, String detail) {
        return new CheckResult(field, value, Status.FAILED, detail);
    }

    public static CheckResult notSet(String field) {
        return new CheckResult(field, "", Status.NOT_SET, "not set in the workspace");
    }
}
